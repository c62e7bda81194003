package io.keras4j.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CosineDecayTest {

  private static double cosine(double from, double step, double steps, double alpha) {
    double s = Math.min(step, steps);
    return from * ((1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * s / steps)) + alpha);
  }

  @Test
  void decays_along_a_half_cosine_to_alpha() {
    // As train_sgd_global_clipnorm_cosine: initial 0.1, 10 steps, alpha 0.1.
    CosineDecay s =
        CosineDecay.builder().initialLearningRate(0.1).decaySteps(10).alpha(0.1).build();
    Rates.assertFollows(s, 14, step -> cosine(0.1, step, 10, 0.1));
  }

  @Test
  void warms_up_linearly_then_decays_from_the_target() {
    CosineDecay s =
        CosineDecay.builder()
            .initialLearningRate(0.0)
            .decaySteps(6)
            .warmupTarget(0.2)
            .warmupSteps(4)
            .build();
    Rates.assertFollows(s, 14, step -> step < 4 ? 0.2 * step / 4.0 : cosine(0.2, step - 4, 6, 0.0));
  }

  @Test
  void keras_defaults() {
    CosineDecay s = CosineDecay.builder().initialLearningRate(0.1).decaySteps(5).build();
    assertEquals(0.0, s.alpha());
    assertEquals(null, s.warmupTarget());
    assertEquals(0.0, s.warmupSteps());
    assertEquals("CosineDecay", s.name());
  }
}

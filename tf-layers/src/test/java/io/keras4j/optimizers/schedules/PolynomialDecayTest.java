package io.keras4j.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PolynomialDecayTest {

  @Test
  void reaches_the_end_rate_and_stays() {
    PolynomialDecay s =
        PolynomialDecay.builder()
            .initialLearningRate(0.1)
            .decaySteps(8)
            .endLearningRate(0.01)
            .power(0.5)
            .build();
    Rates.assertFollows(
        s, 12, step -> (0.1 - 0.01) * Math.pow(1 - Math.min(step, 8) / 8.0, 0.5) + 0.01);
  }

  @Test
  void cycle_stretches_the_decay_to_the_next_multiple() {
    PolynomialDecay s =
        PolynomialDecay.builder().initialLearningRate(0.1).decaySteps(4).cycle(true).build();
    Rates.assertFollows(
        s,
        12,
        step -> {
          double steps = 4 * (step == 0 ? 1 : Math.ceil(step / 4.0));
          return (0.1 - 0.0001) * (1 - step / steps) + 0.0001;
        });
  }

  @Test
  void keras_defaults() {
    PolynomialDecay s = PolynomialDecay.builder().initialLearningRate(0.1).decaySteps(5).build();
    assertEquals(0.0001, s.endLearningRate());
    assertEquals(1.0, s.power());
    assertEquals("PolynomialDecay", s.name());
  }
}

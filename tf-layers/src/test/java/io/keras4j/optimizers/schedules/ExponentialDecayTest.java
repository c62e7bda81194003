package io.keras4j.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExponentialDecayTest {

  @Test
  void decays_by_the_rate_every_decay_steps() {
    Rates.assertFollows(
        ExponentialDecay.of(0.05, 3, 0.7), 12, step -> 0.05 * Math.pow(0.7, step / 3.0));
  }

  @Test
  void staircase_decays_in_whole_periods() {
    ExponentialDecay s =
        ExponentialDecay.builder()
            .initialLearningRate(0.1)
            .decaySteps(4)
            .decayRate(0.5)
            .staircase(true)
            .build();
    Rates.assertFollows(s, 12, step -> 0.1 * Math.pow(0.5, Math.floor(step / 4.0)));
  }

  @Test
  void keras_defaults() {
    ExponentialDecay s = ExponentialDecay.of(0.1, 10, 0.9);
    assertEquals("ExponentialDecay", s.name());
    assertEquals(false, s.staircase());
  }
}

package io.keras4j.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InverseTimeDecayTest {

  @Test
  void divides_by_one_plus_rate_times_progress() {
    Rates.assertFollows(
        InverseTimeDecay.of(0.1, 2.0, 0.5), 12, step -> 0.1 / (1 + 0.5 * step / 2.0));
  }

  @Test
  void staircase_counts_whole_periods() {
    InverseTimeDecay s =
        InverseTimeDecay.builder()
            .initialLearningRate(0.1)
            .decaySteps(3)
            .decayRate(1.0)
            .staircase(true)
            .build();
    Rates.assertFollows(s, 12, step -> 0.1 / (1 + Math.floor(step / 3.0)));
  }

  @Test
  void keras_defaults() {
    assertEquals("InverseTimeDecay", InverseTimeDecay.of(0.1, 1, 0.5).name());
  }
}

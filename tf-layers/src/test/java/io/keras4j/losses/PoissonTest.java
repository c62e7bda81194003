package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class PoissonTest {

  private static final Data COUNTS = Data.ints(19, Shape.of(4, 3), 5);
  private static final Data RATES = Data.uniform(20, Shape.of(4, 3), 0.1, 4);

  @Test
  void is_the_mean_of_rate_minus_count_times_log_rate() {
    LossKit.assertRows(
        new Poisson(),
        COUNTS,
        RATES,
        (t, p) -> {
          double s = 0;
          for (int j = 0; j < t.length; j++) s += p[j] - t[j] * Math.log(p[j] + 1e-7);
          return s / t.length;
        });
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(new Poisson(), COUNTS, RATES);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        Poisson.builder().reduction("sum").build(), "Poisson", "name", "reduction");
  }
}

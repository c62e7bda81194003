package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class MeanSquaredLogarithmicErrorTest {

  private static double log1pAtLeastEpsilon(double x) {
    return Math.log(Math.max(x, 1e-7) + 1);
  }

  @Test
  void is_the_mean_squared_error_of_log_one_plus_values_at_least_epsilon() {
    // Negative values count as Keras' epsilon.
    LossKit.assertRows(
        new MeanSquaredLogarithmicError(),
        Data.uniform(7, Shape.of(4, 3), -0.5, 3),
        Data.uniform(8, Shape.of(4, 3), -0.5, 3),
        (t, p) -> {
          double s = 0;
          for (int j = 0; j < t.length; j++) {
            double d = log1pAtLeastEpsilon(p[j]) - log1pAtLeastEpsilon(t[j]);
            s += d * d;
          }
          return s / t.length;
        });
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(
        new MeanSquaredLogarithmicError(),
        Data.uniform(9, Shape.of(4, 3), 0, 3),
        Data.uniform(10, Shape.of(4, 3), 0.1, 3));
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        MeanSquaredLogarithmicError.builder().reduction("mean_with_sample_weight").build(),
        "MeanSquaredLogarithmicError",
        "name",
        "reduction");
  }
}

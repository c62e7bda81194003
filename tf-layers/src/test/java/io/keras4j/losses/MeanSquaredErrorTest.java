package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class MeanSquaredErrorTest {

  private static final Data Y_TRUE = Data.uniform(1, Shape.of(4, 3), -2, 2);
  private static final Data Y_PRED = Data.uniform(2, Shape.of(4, 3), -2, 2);

  @Test
  void is_the_mean_squared_error_over_the_last_axis() {
    LossKit.assertRows(
        new MeanSquaredError(),
        Y_TRUE,
        Y_PRED,
        (t, p) -> {
          double s = 0;
          for (int j = 0; j < t.length; j++) s += (t[j] - p[j]) * (t[j] - p[j]);
          return s / t.length;
        });
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(new MeanSquaredError(), Y_TRUE, Y_PRED);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        MeanSquaredError.builder().name("mse_1").reduction("sum").build(),
        "MeanSquaredError",
        "name",
        "reduction");
  }
}

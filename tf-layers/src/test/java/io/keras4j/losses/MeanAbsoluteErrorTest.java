package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class MeanAbsoluteErrorTest {

  private static final Data Y_TRUE = Data.uniform(3, Shape.of(4, 3), -2, 2);
  private static final Data Y_PRED = Data.uniform(4, Shape.of(4, 3), -2, 2);

  @Test
  void is_the_mean_absolute_error_over_the_last_axis() {
    LossKit.assertRows(
        new MeanAbsoluteError(),
        Y_TRUE,
        Y_PRED,
        (t, p) -> {
          double s = 0;
          for (int j = 0; j < t.length; j++) s += Math.abs(t[j] - p[j]);
          return s / t.length;
        });
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(new MeanAbsoluteError(), Y_TRUE, Y_PRED);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        MeanAbsoluteError.builder().reduction(null).build(),
        "MeanAbsoluteError",
        "name",
        "reduction");
  }
}

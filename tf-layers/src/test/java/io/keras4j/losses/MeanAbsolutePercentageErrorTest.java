package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class MeanAbsolutePercentageErrorTest {

  private static final Data Y_PRED = Data.uniform(6, Shape.of(3, 4), -2, 2);

  @Test
  void is_the_mean_absolute_error_in_percent_of_targets_at_least_epsilon() {
    // A zero target divides by Keras' epsilon, 1e-7.
    Data yTrue = Data.of(Shape.of(3, 4), 1, -2, 0.5, 3, 0, 1.5, -0.25, 2, 4, -1, 0.75, 0);
    LossKit.assertRows(
        new MeanAbsolutePercentageError(),
        yTrue,
        Y_PRED,
        (t, p) -> {
          double s = 0;
          for (int j = 0; j < t.length; j++) {
            s += Math.abs((t[j] - p[j]) / Math.max(Math.abs(t[j]), 1e-7));
          }
          return 100 * s / t.length;
        });
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(
        new MeanAbsolutePercentageError(), Data.uniform(5, Shape.of(3, 4), 0.5, 2), Y_PRED);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        MeanAbsolutePercentageError.builder().name("mape").reduction("mean").build(),
        "MeanAbsolutePercentageError",
        "name",
        "reduction");
  }
}

package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class SquaredHingeTest {

  private static final Data BITS = Data.of(Shape.of(4, 3), 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0);
  private static final Data Y_PRED = Data.uniform(14, Shape.of(4, 3), -2, 2);

  @Test
  void is_the_mean_squared_hinge_with_zero_one_targets_mapped_to_signs() {
    LossKit.assertRows(
        new SquaredHinge(),
        BITS,
        Y_PRED,
        (t, p) -> {
          double s = 0;
          for (int j = 0; j < t.length; j++) {
            double m = Math.max(1 - (2 * t[j] - 1) * p[j], 0);
            s += m * m;
          }
          return s / t.length;
        });
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(new SquaredHinge(), BITS, Y_PRED);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        SquaredHinge.builder().name("sh").build(), "SquaredHinge", "name", "reduction");
  }
}

package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class CategoricalHingeTest {

  private static final Data ONE_HOT = Data.oneHot(15, 5, 4);
  private static final Data Y_PRED = Data.uniform(16, Shape.of(5, 4), -1, 1);

  @Test
  void is_the_margin_of_the_best_wrong_class_over_the_right_one() {
    LossKit.assertRows(
        new CategoricalHinge(),
        ONE_HOT,
        Y_PRED,
        (t, p) -> {
          double pos = 0;
          double neg = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < t.length; j++) {
            pos += t[j] * p[j];
            neg = Math.max(neg, (1 - t[j]) * p[j]);
          }
          return Math.max(neg - pos + 1, 0);
        });
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(new CategoricalHinge(), ONE_HOT, Y_PRED);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        CategoricalHinge.builder().reduction("none").build(),
        "CategoricalHinge",
        "name",
        "reduction");
  }
}

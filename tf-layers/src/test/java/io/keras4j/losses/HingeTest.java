package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class HingeTest {

  private static final Data Y_PRED = Data.uniform(13, Shape.of(4, 3), -2, 2);

  private static double hinge(double[] signs, double[] p) {
    double s = 0;
    for (int j = 0; j < p.length; j++) s += Math.max(1 - signs[j] * p[j], 0);
    return s / p.length;
  }

  @Test
  void with_minus_one_and_one_targets() {
    Data signs = Data.of(Shape.of(4, 3), 1, -1, 1, -1, -1, 1, 1, 1, -1, -1, 1, -1);
    LossKit.assertRows(new Hinge(), signs, Y_PRED, HingeTest::hinge);
  }

  @Test
  void maps_zero_one_targets_to_minus_one_and_one() {
    Data bits = Data.of(Shape.of(4, 3), 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0);
    LossKit.assertRows(
        new Hinge(),
        bits,
        Y_PRED,
        (t, p) -> {
          double[] signs = new double[t.length];
          for (int j = 0; j < t.length; j++) signs[j] = 2 * t[j] - 1;
          return hinge(signs, p);
        });
  }

  @Test
  void keeps_other_targets_as_they_are() {
    // One target outside {0, 1} keeps every target of the batch unconverted.
    Data mixed = Data.of(Shape.of(4, 3), 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0.5);
    LossKit.assertRows(new Hinge(), mixed, Y_PRED, HingeTest::hinge);
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(
        new Hinge(), Data.of(Shape.of(4, 3), 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0), Y_PRED);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(Hinge.builder().reduction("sum").build(), "Hinge", "name", "reduction");
  }
}

package io.keras4j.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class L2Test {

  private static final double[] X = {1.5, -2.0, 0.0, 0.25, -0.75, 3.0};

  @Test
  void penalty_is_l2_times_sum_of_squares() {
    double sumSq = 0;
    for (double v : X) {
      sumSq += v * v;
    }
    assertEquals(0.2 * sumSq, Penalty.of(new L2(0.2), Shape.of(2, 3), TFloat64.class, X), 1e-12);
    assertEquals(0.2 * sumSq, Penalty.of(new L2(0.2), Shape.of(1, 2, 3), TFloat32.class, X), 1e-5);
  }

  @Test
  void factor_is_kept_as_given() {
    // Keras keeps L2's factor as a Python float: 0.2 stays 0.2.
    assertEquals(0.2, new L2(0.2).l2());
  }

  @Test
  void defaults_and_validation() {
    assertEquals(new L2(0.01), new L2());
    assertThrows(IllegalArgumentException.class, () -> new L2(-0.5));
  }
}

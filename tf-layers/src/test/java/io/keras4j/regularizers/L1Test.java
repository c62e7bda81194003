package io.keras4j.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class L1Test {

  private static final double[] X = {1.5, -2.0, 0.0, 0.25, -0.75, 3.0};

  @Test
  void penalty_is_l1_times_sum_of_absolute_values() {
    double sumAbs = 0;
    for (double v : X) {
      sumAbs += Math.abs(v);
    }
    L1 l1 = new L1(0.5);
    assertEquals(0.5 * sumAbs, Penalty.of(l1, Shape.of(2, 3), TFloat64.class, X), 1e-12);
    assertEquals(0.5 * sumAbs, Penalty.of(l1, Shape.of(3, 2), TFloat32.class, X), 1e-5);
    assertEquals(0.5 * sumAbs, Penalty.of(l1, Shape.of(6), TFloat64.class, X), 1e-12);
  }

  @Test
  void factor_is_kept_in_float32_as_keras_keeps_it() {
    // Keras writes L1(0.1) as 0.10000000149011612: the float32 0.1 widened to double.
    assertEquals((double) 0.1f, new L1(0.1).l1());
    assertEquals(new L1(0.1), new L1((double) 0.1f));
  }

  @Test
  void defaults_and_validation() {
    assertEquals(new L1(0.01), new L1());
    assertThrows(IllegalArgumentException.class, () -> new L1(-1));
    assertThrows(IllegalArgumentException.class, () -> new L1(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new L1(Double.POSITIVE_INFINITY));
  }
}

package io.keras4j.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat64;

class L1L2Test {

  private static final double[] X = {1.5, -2.0, 0.0, 0.25, -0.75, 3.0};

  @Test
  void penalty_is_the_sum_of_both_penalties() {
    Shape s = Shape.of(2, 3);
    double both = Penalty.of(new L1L2(0.1, 0.3), s, TFloat64.class, X);
    double l1 = Penalty.of(new L1L2(0.1, 0.0), s, TFloat64.class, X);
    double l2 = Penalty.of(new L1L2(0.0, 0.3), s, TFloat64.class, X);
    assertEquals(l1 + l2, both, 1e-12);
    assertEquals(Penalty.of(new L2(0.3), s, TFloat64.class, X), l2, 1e-12);
    double sumAbs = 0;
    for (double v : X) {
      sumAbs += Math.abs(v);
    }
    assertEquals(0.1 * sumAbs, l1, 1e-12);
  }

  @Test
  void zero_factors_give_zero() {
    assertEquals(0.0, Penalty.of(new L1L2(), Shape.of(2, 3), TFloat64.class, X));
  }

  @Test
  void defaults_are_zero_as_in_kerass_code_and_factors_are_validated() {
    assertEquals(new L1L2(0.0, 0.0), new L1L2());
    assertThrows(IllegalArgumentException.class, () -> new L1L2(0.1, -0.1));
  }
}

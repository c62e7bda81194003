package io.keras4j.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class UnitNormTest {

  private static final double[] W = {3, 0.6, -4, 0, 12, 0.8};

  @Test
  void columns_get_unit_norm_with_epsilon_added_to_the_norm() {
    double[] p = Projection.of(new UnitNorm(0), Shape.of(3, 2), TFloat64.class, W);
    double[] norms = Projection.columnNorms(p, 3, 2);
    // Keras parity: w / (1e-7 + norms), just below 1.
    assertEquals(13 / (13 + 1e-7), norms[0], 1e-12);
    assertEquals(1 / (1 + 1e-7), norms[1], 1e-12);
    assertTrue(norms[1] < 1);
  }

  @Test
  void axis_one_normalizes_rows() {
    double[] p = Projection.of(new UnitNorm(1), Shape.of(3, 2), TFloat32.class, W);
    for (double n : Projection.rowNorms(p, 3, 2)) {
      assertEquals(1.0, n, 1e-6);
    }
  }

  @Test
  void defaults_are_kerass() {
    assertEquals(new UnitNorm(0), new UnitNorm());
  }
}

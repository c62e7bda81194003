package io.keras4j.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class MaxNormTest {

  // A (3, 2) kernel: column 0 has norm 13 (3, 4, 12), column 1 norm 1 (0.6, 0, 0.8).
  private static final double[] W = {3, 0.6, 4, 0, 12, 0.8};

  @Test
  void columns_above_the_max_are_scaled_to_it_and_the_others_kept() {
    double[] p = Projection.of(new MaxNorm(2, 0), Shape.of(3, 2), TFloat64.class, W);
    double[] norms = Projection.columnNorms(p, 3, 2);
    // Keras parity: w * desired / (1e-7 + norms), so a kept column shrinks by 1 / (1 + 1e-7).
    assertEquals(2 * 13 / (13 + 1e-7), norms[0], 1e-12);
    assertEquals(1 / (1 + 1e-7), norms[1], 1e-12);
    // The direction is kept.
    assertEquals(W[0] / W[2], p[0] / p[2], 1e-12);
  }

  @Test
  void axis_one_constrains_rows() {
    double[] p = Projection.of(new MaxNorm(1, 1), Shape.of(3, 2), TFloat32.class, W);
    for (double n : Projection.rowNorms(p, 3, 2)) {
      assertTrue(n <= 1 + 1e-6, "row norm " + n);
    }
    // Row 1 (4, 0) has norm 4 and becomes (1, 0).
    assertEquals(1.0, p[2], 1e-6);
  }

  @Test
  void several_axes_constrain_whole_filters() {
    // A (2, 2, 2) kernel: the slices [:, :, k] have norms 2 * 3 = 6 and 2 * 0.5 = 1.
    double[] w = {3, 0.5, 3, 0.5, 3, 0.5, 3, 0.5};
    double[] p = Projection.of(new MaxNorm(2, List.of(0, 1)), Shape.of(2, 2, 2), TFloat64.class, w);
    assertEquals(3 * 2 / (6 + 1e-7), p[0], 1e-12);
    assertEquals(0.5 / (1 + 1e-7), p[1], 1e-12);
    double[] q =
        Projection.of(new MaxNorm(2, List.of(-3, -2)), Shape.of(2, 2, 2), TFloat64.class, w);
    assertEquals(p[0], q[0]);
  }

  @Test
  void defaults_are_kerass() {
    assertEquals(new MaxNorm(2, 0), new MaxNorm());
  }
}

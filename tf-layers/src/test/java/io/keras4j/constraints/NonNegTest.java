package io.keras4j.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

class NonNegTest {

  @Test
  void negatives_become_zero_and_the_rest_is_kept() {
    double[] w = {-1.5, 0, 2.25, -0.001, 7};
    double[] p = Projection.of(new NonNeg(), Shape.of(5), TFloat32.class, w);
    for (int i = 0; i < w.length; i++) {
      assertEquals(Math.max(w[i], 0), p[i], 1e-6);
    }
  }
}

package io.keras4j.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class MinMaxNormTest {

  // Columns of norms 13, 1 and 0.1.
  private static final double[] W = {3, 0.6, 0.1, 4, 0, 0, 12, 0.8, 0};

  @Test
  void rate_one_puts_every_norm_in_the_interval() {
    double[] p = Projection.of(new MinMaxNorm(0.5, 2, 1, 0), Shape.of(3, 3), TFloat64.class, W);
    double[] n = Projection.columnNorms(p, 3, 3);
    assertEquals(2 * 13 / (13 + 1e-7), n[0], 1e-12);
    assertEquals(1 / (1 + 1e-7), n[1], 1e-12);
    assertEquals(0.5 * 0.1 / (0.1 + 1e-7), n[2], 1e-12);
  }

  @Test
  void a_lower_rate_moves_part_of_the_way() {
    double[] p = Projection.of(new MinMaxNorm(0.5, 2, 0.25, 0), Shape.of(3, 3), TFloat64.class, W);
    double[] n = Projection.columnNorms(p, 3, 3);
    double desired = 0.25 * 2 + 0.75 * 13;
    assertEquals(desired * 13 / (13 + 1e-7), n[0], 1e-12);
  }

  @Test
  void float32_too() {
    double[] p = Projection.of(new MinMaxNorm(0.5, 2, 1, 0), Shape.of(3, 3), TFloat32.class, W);
    assertEquals(2.0, Projection.columnNorms(p, 3, 3)[0], 1e-5);
  }

  @Test
  void defaults_are_kerass() {
    assertEquals(new MinMaxNorm(0, 1, 1, 0), new MinMaxNorm());
    assertEquals(new MinMaxNorm(), MinMaxNorm.builder().build());
  }
}

package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class OrthogonalTest {

  /**
   * Checks that the {@code rows x cols} matrix {@code w} (row-major) has orthogonal columns of norm
   * {@code gain} when {@code rows >= cols}, orthogonal rows otherwise.
   */
  private static void assertOrthogonal(double[] w, int rows, int cols, double gain, double tol) {
    boolean byColumns = rows >= cols;
    int n = byColumns ? cols : rows;
    int len = byColumns ? rows : cols;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double dot = 0;
        for (int i = 0; i < len; i++) {
          double x = byColumns ? w[i * cols + a] : w[a * cols + i];
          double y = byColumns ? w[i * cols + b] : w[b * cols + i];
          dot += x * y;
        }
        assertEquals(
            a == b ? gain * gain : 0.0, dot, tol, "Gram matrix entry (" + a + ", " + b + ")");
      }
    }
  }

  @Test
  void square_matrix_is_orthogonal() {
    double[] w = Sample.of(new Orthogonal(1L, 1.0), Shape.of(8, 8), TFloat32.class).values();
    assertOrthogonal(w, 8, 8, 1.0, 1e-5);
  }

  @Test
  void tall_matrix_has_orthonormal_columns_and_wide_matrix_orthonormal_rows() {
    assertOrthogonal(
        Sample.of(new Orthogonal(2L, 1.0), Shape.of(12, 5), TFloat64.class).values(),
        12,
        5,
        1.0,
        1e-12);
    assertOrthogonal(
        Sample.of(new Orthogonal(3L, 1.0), Shape.of(4, 9), TFloat64.class).values(),
        4,
        9,
        1.0,
        1e-12);
  }

  @Test
  void kernel_is_flattened_to_rows_by_last_dimension() {
    // (3, 3, 4, 5) is a 36 x 5 matrix with orthogonal columns.
    double[] w = Sample.of(new Orthogonal(4L, 1.0), Shape.of(3, 3, 4, 5), TFloat32.class).values();
    assertOrthogonal(w, 36, 5, 1.0, 1e-5);
  }

  @Test
  void gain_scales_the_matrix() {
    double[] w = Sample.of(new Orthogonal(5L, 2.5), Shape.of(6, 6), TFloat64.class).values();
    assertOrthogonal(w, 6, 6, 2.5, 1e-12);
  }

  @Test
  void a_seed_gives_the_same_matrix_and_no_seed_a_fresh_one() {
    Shape s = Shape.of(6, 6);
    assertArrayEquals(
        Sample.of(new Orthogonal(6L, 1.0), s, TFloat32.class).values(),
        Sample.of(new Orthogonal(6L, 1.0), s, TFloat32.class).values());
    assertFalse(
        Arrays.equals(
            Sample.of(new Orthogonal(), s, TFloat32.class).values(),
            Sample.of(new Orthogonal(), s, TFloat32.class).values()));
  }

  @Test
  void vectors_are_refused() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sample.of(new Orthogonal(), Shape.of(5), TFloat32.class));
    assertTrue(e.getMessage().contains("at least two-dimensional"), e.getMessage());
  }

  @Test
  void defaults_are_keras_defaults() {
    assertEquals(new Orthogonal(null, 1.0), new Orthogonal());
    assertEquals(new Orthogonal(), Orthogonal.builder().build());
  }
}

package io.keras4j.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class OrthogonalRegularizerTest {

  @Test
  void orthogonal_rows_cost_nothing() {
    // Rows (3, 0, 0), (0, 0, -2), (0, 0.5, 0): orthogonal, of different norms.
    double[] x = {3, 0, 0, 0, 0, -2, 0, 0.5, 0};
    assertEquals(
        0.0, Penalty.of(new OrthogonalRegularizer(0.5, "rows"), Shape.of(3, 3), TFloat64.class, x));
  }

  @Test
  void parallel_rows_cost_the_factor() {
    // Two rows with cosine ±1: mean |cosine| over the single pair is 1, so the penalty is
    // factor * 0.5 * (|1| + |1|) / 1 = factor.
    double[] x = {1, 2, 2, -2, -4, -4};
    OrthogonalRegularizer r = new OrthogonalRegularizer(0.5, "rows");
    assertEquals(0.5, Penalty.of(r, Shape.of(2, 3), TFloat64.class, x), 1e-12);
  }

  @Test
  void penalty_is_factor_times_mean_absolute_cosine_of_distinct_pairs() {
    double[][] rows = {{1, 0, 1}, {0, 2, 1}, {-1, 1, 0.5}, {2, 2, -1}};
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        if (i != j) {
          sum += Math.abs(cosine(rows[i], rows[j]));
        }
      }
    }
    double want = 0.25 * 0.5 * sum / (4 * 3 / 2.0);
    double[] flat = new double[12];
    double[] transposed = new double[12];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        flat[i * 3 + j] = rows[i][j];
        transposed[j * 4 + i] = rows[i][j];
      }
    }
    assertEquals(
        want,
        Penalty.of(new OrthogonalRegularizer(0.25, "rows"), Shape.of(4, 3), TFloat64.class, flat),
        1e-12);
    // Columns of the transpose are the rows of the original.
    assertEquals(
        want,
        Penalty.of(
            new OrthogonalRegularizer(0.25, "columns"), Shape.of(3, 4), TFloat64.class, transposed),
        1e-12);
    assertEquals(
        want,
        Penalty.of(new OrthogonalRegularizer(0.25, "rows"), Shape.of(4, 3), TFloat32.class, flat),
        1e-6);
  }

  private static double cosine(double[] a, double[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return ab / Math.sqrt(aa * bb);
  }

  @Test
  void zero_rows_stay_finite() {
    double[] x = {0, 0, 0, 1, 2, 3};
    double p = Penalty.of(new OrthogonalRegularizer(), Shape.of(2, 3), TFloat32.class, x);
    assertTrue(Double.isFinite(p), "penalty " + p);
  }

  @Test
  void factor_is_kept_in_float32_as_keras_keeps_it() {
    // layers.json: Keras wrote OrthogonalRegularizer(factor=0.01) as 0.009999999776482582.
    assertEquals((double) 0.01f, new OrthogonalRegularizer().factor());
  }

  @Test
  void only_matrices_and_known_modes() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Penalty.of(
                new OrthogonalRegularizer(), Shape.of(2, 2, 2), TFloat32.class, new double[8]));
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new OrthogonalRegularizer(0.1, "diagonal"));
    assertTrue(e.getMessage().contains("diagonal"), e.getMessage());
  }
}

package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class CosineSimilarityTest {

  private static final Data Y_TRUE = Data.uniform(23, Shape.of(4, 3), -1, 1);
  private static final Data Y_PRED = Data.uniform(24, Shape.of(4, 3), -1, 1);

  private static double norm(double[] x) {
    double s = 0;
    for (double v : x) s += v * v;
    return Math.sqrt(s);
  }

  @Test
  void is_the_negated_cosine_of_the_angle() {
    LossKit.assertRows(
        new CosineSimilarity(),
        Y_TRUE,
        Y_PRED,
        (t, p) -> {
          double dot = 0;
          for (int j = 0; j < t.length; j++) dot += t[j] * p[j];
          return -dot / (Math.max(norm(t), 1e-7) * Math.max(norm(p), 1e-7));
        });
  }

  @Test
  void a_zero_vector_gives_zero() {
    double[] v =
        LossKit.call(
            new CosineSimilarity(), Data.of(Shape.of(1, 2), 0, 0), Data.of(Shape.of(1, 2), 1, 2));
    assertEquals(0, v[0], 0.0);
  }

  @Test
  void axis_zero_is_axis_minus_one_of_the_transpose() {
    Data t = Data.uniform(25, Shape.of(3, 2), -1, 1);
    Data p = Data.uniform(26, Shape.of(3, 2), -1, 1);
    double[] byAxis0 = LossKit.call(CosineSimilarity.builder().axis(0).build(), t, p);
    double[] byLast = LossKit.call(new CosineSimilarity(), transpose(t), transpose(p));
    assertEquals(2, byAxis0.length);
    for (int i = 0; i < 2; i++) assertEquals(byLast[i], byAxis0[i], 1e-12);
  }

  private static Data transpose(Data d) {
    int rows = d.rows();
    int cols = d.width();
    double[] v = new double[rows * cols];
    for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) v[j * rows + i] = d.at(i, j);
    return Data.of(Shape.of(cols, rows), v);
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(new CosineSimilarity(), Y_TRUE, Y_PRED);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        CosineSimilarity.builder().axis(1).build(),
        "CosineSimilarity",
        "name",
        "reduction",
        "axis");
  }
}

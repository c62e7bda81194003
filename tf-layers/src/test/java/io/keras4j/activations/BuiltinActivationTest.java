package io.keras4j.activations;

import static io.keras4j.activations.Eval.apply;
import static io.keras4j.activations.Eval.apply32;
import static io.keras4j.activations.Eval.apply64;
import static io.keras4j.activations.Eval.grid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.EagerSession;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Each built-in activation against a property of its definition: a reference written from Keras'
 * formula with {@link Math}, an identity, or a bound. Plus, for every constant, float32 and float64
 * support and a gradient that matches finite differences.
 */
class BuiltinActivationTest {

  /** Checks {@code a} against {@code reference} on {@link Eval#grid()} in float64. */
  private static void assertFormula(BuiltinActivation a, DoubleUnaryOperator reference) {
    double[] x = grid();
    double[] y = apply64(a, x);
    for (int i = 0; i < x.length; i++) {
      double want = reference.applyAsDouble(x[i]);
      assertEquals(want, y[i], 1e-12 * Math.max(1, Math.abs(want)), a + " at x=" + x[i]);
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** The standard normal CDF, by Simpson's rule on the density (error far below 1e-9 here). */
  private static double phi(double x) {
    int n = 4000;
    double h = x / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double t = i * h;
      double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
      s += w * Math.exp(-t * t / 2);
    }
    return 0.5 + s * h / 3 / Math.sqrt(2 * Math.PI);
  }

  @Test
  void celu_with_alpha_one_is_elu() {
    double[] x = grid();
    double[] celu = apply64(BuiltinActivation.CELU, x);
    double[] elu = apply64(BuiltinActivation.ELU, x);
    for (int i = 0; i < x.length; i++) {
      assertEquals(elu[i], celu[i], 1e-12, "x=" + x[i]);
    }
  }

  @Test
  void elu_is_x_above_zero_and_expm1_below() {
    assertFormula(BuiltinActivation.ELU, x -> x > 0 ? x : Math.expm1(x));
  }

  @Test
  void exponential_is_exp() {
    assertFormula(BuiltinActivation.EXPONENTIAL, Math::exp);
  }

  @Test
  void gelu_by_name_is_the_exact_erf_form() {
    // The tanh approximation differs from x * Phi(x) by up to 5e-4 on this grid.
    double[] x = grid();
    double[] y = apply64(BuiltinActivation.GELU, x);
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i] * phi(x[i]), y[i], 1e-9, "x=" + x[i]);
    }
  }

  @Test
  void glu_gates_the_first_half_with_the_sigmoid_of_the_second() {
    double[] a = {1.5, -2.0, 3.0};
    double[] out =
        apply(
            BuiltinActivation.GLU, Shape.of(1, 6), TFloat64.class, 1.5, -2.0, 3.0, 0.4, -1.0, 2.0);
    assertEquals(3, out.length);
    double[] b = {0.4, -1.0, 2.0};
    for (int i = 0; i < 3; i++) {
      assertEquals(a[i] * sigmoid(b[i]), out[i], 1e-12);
    }
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> apply(BuiltinActivation.GLU, Shape.of(1, 3), TFloat32.class, 1, 2, 3));
    assertTrue(e.getMessage().contains("divisible by 2"), e.getMessage());
  }

  @Test
  void hard_shrink_zeroes_the_band_of_half_width() {
    assertFormula(BuiltinActivation.HARD_SHRINK, x -> Math.abs(x) > 0.5 ? x : 0);
    assertEquals(0.0, apply64(BuiltinActivation.HARD_SHRINK, 0.5)[0]);
  }

  @Test
  void hard_sigmoid_keras3_is_relu6_of_x_plus_3_over_6() {
    assertFormula(BuiltinActivation.HARD_SIGMOID, x -> Math.min(Math.max(x + 3, 0), 6) / 6);
  }

  @Test
  void hard_sigmoid_keras2_is_clip_of_point_two_x_plus_half() {
    assertFormula(
        BuiltinActivation.HARD_SIGMOID_KERAS2, x -> Math.min(Math.max(0.2 * x + 0.5, 0), 1));
  }

  @Test
  void hard_sigmoid_keras2_and_keras3_differ_at_one_as_the_keras2_readme_states() {
    // keras2-files/README.md: Keras 2 gives 0.7 at x = 1, Keras 3 gives 0.667.
    assertEquals(0.7, apply32(BuiltinActivation.HARD_SIGMOID_KERAS2, 1.0)[0], 1e-6);
    assertEquals(0.6667, apply32(BuiltinActivation.HARD_SIGMOID, 1.0)[0], 1e-4);
    assertEquals(0.5, apply32(BuiltinActivation.HARD_SIGMOID_KERAS2, 0.0)[0]);
    assertEquals(0.5, apply32(BuiltinActivation.HARD_SIGMOID, 0.0)[0]);
  }

  @Test
  void hard_silu_is_x_times_hard_sigmoid() {
    assertFormula(BuiltinActivation.HARD_SILU, x -> x * Math.min(Math.max(x + 3, 0), 6) / 6);
  }

  @Test
  void hard_tanh_clips_to_minus_one_one() {
    assertFormula(BuiltinActivation.HARD_TANH, x -> Math.max(-1, Math.min(1, x)));
  }

  @Test
  void leaky_relu_by_name_has_slope_point_two() {
    // Keras' leaky_relu(x, negative_slope=0.2); the op's slope is the float32 0.2f.
    double[] x = grid();
    double[] y = apply64(BuiltinActivation.LEAKY_RELU, x);
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i] >= 0 ? x[i] : 0.2 * x[i], y[i], 1e-7, "x=" + x[i]);
    }
  }

  @Test
  void linear_returns_its_input() {
    try (EagerSession s = EagerSession.create()) {
      Ops tf = Ops.create(s);
      Operand<TFloat32> x = tf.constant(new float[] {1, 2});
      assertSame(x, BuiltinActivation.LINEAR.call(tf, x));
    }
  }

  @Test
  void log_sigmoid_is_log_of_sigmoid_and_stable_for_large_negatives() {
    assertFormula(BuiltinActivation.LOG_SIGMOID, x -> -Math.log1p(Math.exp(-x)));
    // log(sigmoid(-100)) computed naively would be log(0) = -inf.
    assertEquals(-100.0, apply32(BuiltinActivation.LOG_SIGMOID, -100.0)[0], 1e-4);
  }

  @Test
  void log_softmax_rows_exponentiate_to_distributions() {
    double[] x = {1.0, -2.0, 0.5, 3.0, 3.0, 3.0, -50.0, 0.0};
    double[] y = apply(BuiltinActivation.LOG_SOFTMAX, Shape.of(2, 4), TFloat64.class, x);
    for (int row = 0; row < 2; row++) {
      double sum = 0;
      for (int j = 0; j < 4; j++) {
        int i = row * 4 + j;
        assertTrue(y[i] <= 0);
        // x - log_softmax(x) is the same log-sum-exp for every entry of a row.
        assertEquals(x[row * 4] - y[row * 4], x[i] - y[i], 1e-12);
        sum += Math.exp(y[i]);
      }
      assertEquals(1.0, sum, 1e-12);
    }
  }

  @Test
  void mish_is_x_tanh_softplus() {
    assertFormula(BuiltinActivation.MISH, x -> x * Math.tanh(Math.log1p(Math.exp(x))));
  }

  @Test
  void relu_is_max_x_zero() {
    assertFormula(BuiltinActivation.RELU, x -> Math.max(x, 0));
  }

  @Test
  void relu6_clips_at_six() {
    assertFormula(BuiltinActivation.RELU6, x -> Math.min(Math.max(x, 0), 6));
    assertEquals(6.0, apply32(BuiltinActivation.RELU6, 100.0)[0]);
  }

  @Test
  void selu_scales_elu_with_kerass_constants() {
    // Keras' docstring: alpha = 1.67326324 and scale = 1.05070098 (to 8 decimals).
    double alpha = 1.67326324;
    double scale = 1.05070098;
    double[] x = grid();
    double[] y = apply64(BuiltinActivation.SELU, x);
    for (int i = 0; i < x.length; i++) {
      double want = x[i] > 0 ? scale * x[i] : scale * alpha * Math.expm1(x[i]);
      assertEquals(want, y[i], 1e-7 * Math.max(1, Math.abs(want)), "x=" + x[i]);
    }
  }

  @Test
  void sigmoid_is_the_logistic_function() {
    assertFormula(BuiltinActivation.SIGMOID, BuiltinActivationTest::sigmoid);
  }

  @Test
  void silu_is_x_times_sigmoid() {
    assertFormula(BuiltinActivation.SILU, x -> x * sigmoid(x));
  }

  @Test
  void soft_shrink_moves_towards_zero_by_half() {
    assertFormula(BuiltinActivation.SOFT_SHRINK, x -> x > 0.5 ? x - 0.5 : x < -0.5 ? x + 0.5 : 0);
  }

  @Test
  void softmax_rows_are_distributions_invariant_to_shifts() {
    double[] x = {1.0, -2.0, 0.5, 3.0, 101.0, 98.0, 100.5, 103.0};
    double[] y = apply(BuiltinActivation.SOFTMAX, Shape.of(2, 4), TFloat32.class, x);
    double sum0 = 0;
    double sum1 = 0;
    for (int j = 0; j < 4; j++) {
      sum0 += y[j];
      sum1 += y[4 + j];
      assertTrue(y[j] > 0);
      // Row 1 is row 0 shifted by 100.
      assertEquals(y[j], y[4 + j], 1e-6);
    }
    assertEquals(1.0, sum0, 1e-6);
    assertEquals(1.0, sum1, 1e-6);
    assertTrue(y[3] > y[0] && y[0] > y[2] && y[2] > y[1], "order kept");
  }

  @Test
  void softplus_is_log_one_plus_exp() {
    assertFormula(BuiltinActivation.SOFTPLUS, x -> Math.log1p(Math.exp(x)));
  }

  @Test
  void softsign_is_x_over_one_plus_abs_x() {
    assertFormula(BuiltinActivation.SOFTSIGN, x -> x / (1 + Math.abs(x)));
  }

  @Test
  void sparse_plus_is_piecewise_quadratic() {
    assertFormula(
        BuiltinActivation.SPARSE_PLUS, x -> x <= -1 ? 0 : x < 1 ? (x + 1) * (x + 1) / 4 : x);
  }

  @Test
  void sparse_sigmoid_is_piecewise_linear() {
    assertFormula(BuiltinActivation.SPARSE_SIGMOID, x -> x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) / 2);
  }

  /** Keras 3's sparsemax on one row, written from its backends' code with Java arrays. */
  private static double[] kerasSparsemax(double[] row) {
    double[] z = row.clone();
    Arrays.sort(z);
    int n = z.length;
    double cumsum = 0;
    double supportedCumsums = 0;
    int k = 0;
    for (int r = 1; r <= n; r++) {
      double zr = z[n - r];
      cumsum += zr;
      if (zr - (cumsum - 1) / r > 0) {
        k++;
        supportedCumsums += cumsum;
      }
    }
    double tau = (supportedCumsums - 1) / k;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Math.max(row[i] - tau, 0);
    }
    return out;
  }

  @Test
  void sparsemax_is_one_hot_for_spread_out_logits_as_kerass_tests_check() {
    double[] x = new double[12];
    for (int i = 0; i < 12; i++) {
      x[i] = i + 1;
    }
    double[] y = apply(BuiltinActivation.SPARSEMAX, Shape.of(6, 2), TFloat32.class, x);
    for (int i = 0; i < 12; i++) {
      assertEquals(i % 2 == 1 ? 1.0 : 0.0, y[i], 1e-6);
    }
  }

  @Test
  void sparsemax_follows_kerass_threshold() {
    double[] x = new double[15];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(1.7 * i) * (1 + i % 3) * 0.4;
    }
    double[] y = apply(BuiltinActivation.SPARSEMAX, Shape.of(3, 5), TFloat64.class, x);
    for (int row = 0; row < 3; row++) {
      double[] want = kerasSparsemax(Arrays.copyOfRange(x, row * 5, row * 5 + 5));
      for (int j = 0; j < 5; j++) {
        assertTrue(y[row * 5 + j] >= 0);
        assertEquals(want[j], y[row * 5 + j], 1e-12, "row " + row + ", entry " + j);
      }
    }
  }

  @Test
  void squareplus_is_half_x_plus_sqrt_x_squared_plus_four() {
    assertFormula(BuiltinActivation.SQUAREPLUS, x -> (x + Math.sqrt(x * x + 4)) / 2);
  }

  @Test
  void tanh_is_tanh() {
    assertFormula(BuiltinActivation.TANH, Math::tanh);
  }

  @Test
  void tanh_shrink_is_x_minus_tanh() {
    assertFormula(BuiltinActivation.TANH_SHRINK, x -> x - Math.tanh(x));
  }

  @Test
  void threshold_by_name_cannot_be_called() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> apply32(BuiltinActivation.THRESHOLD, 1));
    assertTrue(e.getMessage().contains("default_value"), e.getMessage());
  }

  private static Stream<BuiltinActivation> callable() {
    return Stream.of(BuiltinActivation.values()).filter(a -> a != BuiltinActivation.THRESHOLD);
  }

  /** Away from every kink (0, ±0.5, ±1, ±2.5, ±3, 6), so central differences are exact enough. */
  private static final double[] SMOOTH_POINTS = {
    -3.7, -2.2, -1.3, -0.7, -0.35, -0.1, 0.15, 0.4, 0.8, 1.6, 2.8, 4.1
  };

  @TestFactory
  Stream<DynamicTest> every_activation_keeps_float32_and_float64() {
    return callable()
        .map(
            a ->
                DynamicTest.dynamicTest(
                    a.name(),
                    () -> {
                      int width = a == BuiltinActivation.GLU ? 6 : 12;
                      double[] y32 = apply(a, Shape.of(2, 6), TFloat32.class, SMOOTH_POINTS);
                      double[] y64 = apply(a, Shape.of(2, 6), TFloat64.class, SMOOTH_POINTS);
                      assertEquals(width, y32.length);
                      for (int i = 0; i < width; i++) {
                        assertEquals(y64[i], y32[i], 1e-5 * Math.max(1, Math.abs(y64[i])));
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> every_activation_has_a_gradient_matching_finite_differences() {
    return callable().map(a -> DynamicTest.dynamicTest(a.name(), () -> assertGradient(a)));
  }

  /** Differentiates {@code sum(a(x))} in a graph and compares with central differences. */
  private static void assertGradient(BuiltinActivation a) {
    Shape shape = Shape.of(2, 6);
    try (Graph g = new Graph();
        Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat64> x = tf.placeholder(TFloat64.class, Placeholder.shape(shape));
      Operand<TFloat64> loss = tf.sum(a.call(tf, x), tf.constant(new int[] {0, 1}));
      Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {x.asOutput()});
      double[] analytic = new double[12];
      try (TFloat64 in = TFloat64.tensorOf(shape, DataBuffers.of(SMOOTH_POINTS, true, false));
          Result r = session.runner().feed(x, in).fetch(grad[0]).run()) {
        ((TFloat64) r.get(0)).copyTo(DataBuffers.of(analytic, false, false));
      }
      double h = 1e-6;
      for (int i = 0; i < 12; i++) {
        double[] plus = SMOOTH_POINTS.clone();
        double[] minus = SMOOTH_POINTS.clone();
        plus[i] += h;
        minus[i] -= h;
        double numeric = (run(session, x, loss, plus) - run(session, x, loss, minus)) / (2 * h);
        assertEquals(numeric, analytic[i], 1e-5 * Math.max(1, Math.abs(numeric)), a + " d/dx" + i);
      }
    }
  }

  private static double run(
      Session session, Placeholder<TFloat64> x, Operand<TFloat64> loss, double[] values) {
    try (TFloat64 in = TFloat64.tensorOf(Shape.of(2, 6), DataBuffers.of(values, true, false));
        Result r = session.runner().feed(x, in).fetch(loss).run()) {
      return ((TFloat64) r.get(0)).getDouble();
    }
  }
}

package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TType;

/**
 * The values an initializer gives for a shape and dtype, read back as doubles, and the statistics
 * the initializer tests check them with.
 */
record Sample(double[] values) {

  /** Runs {@code init} in an eager session and checks the dtype and shape of what it returns. */
  static Sample of(Initializer init, Shape shape, Class<? extends TType> dtype) {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<? extends TType> w = init.call(tf, shape, dtype);
      assertEquals(dtype, w.type(), "dtype of " + init);
      assertEquals(shape, w.shape(), "shape of " + init);
      TFloat64 t = tf.dtypes.cast(w, TFloat64.class).asTensor();
      double[] values = new double[(int) t.size()];
      t.copyTo(DataBuffers.of(values, false, false));
      return new Sample(values);
    }
  }

  double mean() {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }

  /** The population variance. */
  double variance() {
    double m = mean();
    double s = 0;
    for (double v : values) {
      s += (v - m) * (v - m);
    }
    return s / values.length;
  }

  double maxAbs() {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  double min() {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  double max() {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * Checks a draw from {@code U(min, max)}: every value inside, the extremes near the bounds, the
   * mean within five standard errors of the midpoint and the variance within 10% of {@code (max -
   * min)² / 12}.
   */
  void assertUniform(double min, double max) {
    int n = values.length;
    double variance = (max - min) * (max - min) / 12;
    // Bounds in float32 may round outward by an ulp.
    double slack = (max - min) * 1e-6;
    assertTrue(
        min() >= min - slack && max() <= max + slack, "values in [" + min + ", " + max + "]");
    // The extremes of n uniform draws are within (max - min) * 10 / n of the bounds but for a
    // chance of about e^-10.
    assertTrue(min() < min + (max - min) * 10.0 / n, "minimum " + min() + " near " + min);
    assertTrue(max() > max - (max - min) * 10.0 / n, "maximum " + max() + " near " + max);
    assertMoments((min + max) / 2, variance);
  }

  /**
   * Checks a draw from a normal of standard deviation {@code stddev} truncated at two standard
   * deviations: every value inside, and the moments of the truncated distribution, whose variance
   * is {@code (0.87962566103423978 stddev)²}.
   */
  void assertTruncatedNormal(double mean, double stddev) {
    double slack = stddev * 1e-6;
    assertTrue(
        min() >= mean - 2 * stddev - slack && max() <= mean + 2 * stddev + slack,
        "values within 2σ");
    assertMoments(mean, Math.pow(0.87962566103423978 * stddev, 2));
  }

  /** Mean within five standard errors, variance within 10% (both generous for n in thousands). */
  void assertMoments(double mean, double variance) {
    double se = Math.sqrt(variance / values.length);
    assertEquals(mean, mean(), 5 * se, "mean");
    assertEquals(variance, variance(), 0.1 * variance, "variance");
  }
}

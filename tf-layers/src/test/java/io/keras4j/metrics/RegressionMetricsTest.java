package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.metrics.MetricKit.Batch;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/** The regression metrics: the mean over samples of their loss's per-sample values. */
class RegressionMetricsTest {

  private static final Shape SHAPE = Shape.of(6, 3);

  private static double[] uniform(long seed, double lo, double hi) {
    Random r = new Random(seed);
    double[] v = new double[(int) SHAPE.size()];
    for (int i = 0; i < v.length; i++) v[i] = lo + (hi - lo) * r.nextDouble();
    return v;
  }

  /** The mean over every element of {@code f(y, pred)}. */
  private static double mean(double[] y, double[] pred, DoubleBinaryOperator f) {
    double s = 0;
    for (int i = 0; i < y.length; i++) s += f.applyAsDouble(y[i], pred[i]);
    return s / y.length;
  }

  private static final double[] Y = uniform(1, 0.5, 2);
  private static final double[] PRED = uniform(2, -1, 3);
  private static final Batch BATCH = Batch.of(SHAPE, Y, SHAPE, PRED);

  @Test
  void mean_squared_error() {
    assertEquals(
        mean(Y, PRED, (t, p) -> (t - p) * (t - p)),
        MetricKit.result(new MeanSquaredError(), BATCH),
        1e-5);
  }

  @Test
  void mean_absolute_error() {
    assertEquals(
        mean(Y, PRED, (t, p) -> Math.abs(t - p)),
        MetricKit.result(new MeanAbsoluteError(), BATCH),
        1e-5);
  }

  @Test
  void mean_absolute_percentage_error() {
    assertEquals(
        mean(Y, PRED, (t, p) -> 100 * Math.abs((t - p) / Math.max(Math.abs(t), 1e-7))),
        MetricKit.result(new MeanAbsolutePercentageError(), BATCH),
        1e-3);
  }

  @Test
  void mean_squared_logarithmic_error() {
    DoubleBinaryOperator f =
        (t, p) -> {
          double d = Math.log(Math.max(p, 1e-7) + 1) - Math.log(Math.max(t, 1e-7) + 1);
          return d * d;
        };
    assertEquals(
        mean(Y, PRED, f), MetricKit.result(new MeanSquaredLogarithmicError(), BATCH), 1e-5);
  }

  @Test
  void root_mean_squared_error_is_the_root_of_the_epoch_mean() {
    double[] y1 = java.util.Arrays.copyOfRange(Y, 0, 9);
    double[] p1 = java.util.Arrays.copyOfRange(PRED, 0, 9);
    double[] y2 = java.util.Arrays.copyOfRange(Y, 9, 18);
    double[] p2 = java.util.Arrays.copyOfRange(PRED, 9, 18);
    double[] rmse =
        MetricKit.run(
            new RootMeanSquaredError(),
            List.of(
                Batch.of(Shape.of(3, 3), y1, Shape.of(3, 3), p1),
                Batch.of(Shape.of(3, 3), y2, Shape.of(3, 3), p2)));
    assertEquals(Math.sqrt(mean(Y, PRED, (t, p) -> (t - p) * (t - p))), rmse[0], 1e-5);
  }

  @Test
  void configs_round_trip_with_keras_keys() {
    MetricKit.assertRoundTrip(
        new MeanSquaredError("mse", null), "MeanSquaredError", "name", "dtype");
    MetricKit.assertRoundTrip(
        new MeanAbsoluteError("mae", null), "MeanAbsoluteError", "name", "dtype");
    MetricKit.assertRoundTrip(
        new MeanAbsolutePercentageError(), "MeanAbsolutePercentageError", "name", "dtype");
    MetricKit.assertRoundTrip(
        new MeanSquaredLogarithmicError(), "MeanSquaredLogarithmicError", "name", "dtype");
    MetricKit.assertRoundTrip(new RootMeanSquaredError(), "RootMeanSquaredError", "name", "dtype");
  }
}

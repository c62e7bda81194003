package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.metrics.MetricKit.Batch;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/** Precision, Recall and the confusion counts against {@link ConfusionReference}. */
class ConfusionMetricsTest {

  private static final int N = 40;

  private static double[] uniform(long seed, int n, double lo, double hi) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = (float) (lo + (hi - lo) * r.nextDouble());
    return v;
  }

  private static double[] bits(long seed, int n) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = r.nextInt(2);
    return v;
  }

  private static final double[] Y = bits(1, N);
  private static final double[] PRED = uniform(2, N, 0, 1);
  private static final double[] WEIGHTS = uniform(3, N, 0, 2);
  private static final Batch BATCH = Batch.of(Shape.of(N), Y, Shape.of(N, 1), PRED);

  private static double precision(double[][] c, int t) {
    return c[0][t] + c[1][t] == 0 ? 0 : c[0][t] / (c[0][t] + c[1][t]);
  }

  private static double recall(double[][] c, int t) {
    return c[0][t] + c[3][t] == 0 ? 0 : c[0][t] / (c[0][t] + c[3][t]);
  }

  @Test
  void precision_and_recall_at_the_default_threshold() {
    double[][] c = ConfusionReference.counts(Y, PRED, new double[] {0.5}, null);
    assertEquals(precision(c, 0), MetricKit.result(new Precision(), BATCH), 1e-6);
    assertEquals(recall(c, 0), MetricKit.result(new Recall(), BATCH), 1e-6);
  }

  @Test
  void a_zero_threshold_on_logits() {
    double[] logits = uniform(4, N, -2, 2);
    double[][] c = ConfusionReference.counts(Y, logits, new double[] {0}, null);
    Batch b = Batch.of(Shape.of(N, 1), Y, Shape.of(N, 1), logits);
    assertEquals(
        precision(c, 0),
        MetricKit.result(new Precision(Thresholds.of(0.0), null, null, null, null), b),
        1e-6);
    assertEquals(
        recall(c, 0),
        MetricKit.result(new Recall(Thresholds.of(0.0), null, null, null, null), b),
        1e-6);
  }

  @Test
  void several_thresholds_evenly_spaced_or_not_and_weighted() {
    for (double[] thresholds :
        List.of(new double[] {0, 0.25, 0.5, 0.75, 1}, new double[] {0.1, 0.3, 0.35, 0.9})) {
      double[][] c = ConfusionReference.counts(Y, PRED, thresholds, WEIGHTS);
      Batch b = BATCH.weighted(Shape.of(N), WEIGHTS);
      double[] p =
          MetricKit.run(
              new Precision(Thresholds.list(thresholds), null, null, null, null), List.of(b));
      double[] r =
          MetricKit.run(
              new Recall(Thresholds.list(thresholds), null, null, null, null), List.of(b));
      for (int t = 0; t < thresholds.length; t++) {
        assertEquals(precision(c, t), p[t], 1e-5, "precision at " + thresholds[t]);
        assertEquals(recall(c, t), r[t], 1e-5, "recall at " + thresholds[t]);
      }
      double[][] counts = {
        MetricKit.run(new TruePositives(Thresholds.list(thresholds), null, null), List.of(b)),
        MetricKit.run(new FalsePositives(Thresholds.list(thresholds), null, null), List.of(b)),
        MetricKit.run(new TrueNegatives(Thresholds.list(thresholds), null, null), List.of(b)),
        MetricKit.run(new FalseNegatives(Thresholds.list(thresholds), null, null), List.of(b))
      };
      for (int cell = 0; cell < 4; cell++)
        assertArrayEquals(c[cell], counts[cell], 1e-4, "cell " + cell);
    }
  }

  @Test
  void top_k_counts_only_each_rows_largest_predictions() {
    // (rows, 4) predictions: with top_k=2, a class is predicted when among its row's 2 largest.
    int rows = 10;
    int k = 4;
    double[] y = bits(5, rows * k);
    double[] pred = uniform(6, rows * k, 0, 1);
    double[] positive = new double[rows * k];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        int larger = 0;
        for (int l = 0; l < k; l++) if (pred[i * k + l] > pred[i * k + j]) larger++;
        positive[i * k + j] = larger < 2 ? 1 : 0;
      }
    }
    double[][] c = ConfusionReference.counts(y, positive, new double[] {0.5}, null);
    Batch b = Batch.of(Shape.of(rows, k), y, Shape.of(rows, k), pred);
    assertEquals(
        precision(c, 0), MetricKit.result(new Precision(null, 2, null, null, null), b), 1e-6);
    assertEquals(recall(c, 0), MetricKit.result(new Recall(null, 2, null, null, null), b), 1e-6);
  }

  @Test
  void class_id_counts_one_column() {
    int rows = 10;
    int k = 3;
    double[] y = bits(7, rows * k);
    double[] pred = uniform(8, rows * k, 0, 1);
    double[] yCol = new double[rows];
    double[] pCol = new double[rows];
    for (int i = 0; i < rows; i++) {
      yCol[i] = y[i * k + 1];
      pCol[i] = pred[i * k + 1];
    }
    double[][] c = ConfusionReference.counts(yCol, pCol, new double[] {0.5}, null);
    Batch b = Batch.of(Shape.of(rows, k), y, Shape.of(rows, k), pred);
    assertEquals(
        precision(c, 0), MetricKit.result(new Precision(null, null, 1, null, null), b), 1e-6);
  }

  @Test
  void thresholds_outside_zero_one_are_refused() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Precision(Thresholds.of(1.5), null, null, null, null));
    assertEquals("Threshold values must be in [0, 1]. Received: [1.5]", e.getMessage());
  }

  @Test
  void configs_round_trip_with_keras_keys() {
    String[] keys = {"name", "dtype", "thresholds", "top_k", "class_id"};
    MetricKit.assertRoundTrip(
        new Precision(Thresholds.of(0.0), null, null, null, null), "Precision", keys);
    MetricKit.assertRoundTrip(
        new Recall(Thresholds.list(0.2, 0.5), 3, 1, "r", null), "Recall", keys);
    MetricKit.assertRoundTrip(new Precision(), "Precision", keys);
    MetricKit.assertRoundTrip(new TruePositives(), "TruePositives", "name", "dtype", "thresholds");
    MetricKit.assertRoundTrip(
        new FalseNegatives(Thresholds.list(0.5), null, null),
        "FalseNegatives",
        "name",
        "dtype",
        "thresholds");
  }
}

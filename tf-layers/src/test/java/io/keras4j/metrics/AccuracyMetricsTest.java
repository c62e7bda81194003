package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.metrics.MetricKit.Batch;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/**
 * The accuracy metrics against references written from Keras' definitions: {@link Accuracy}, {@link
 * BinaryAccuracy}, {@link CategoricalAccuracy}, {@link SparseCategoricalAccuracy} and {@link
 * TopKCategoricalAccuracy}.
 */
class AccuracyMetricsTest {

  private static final int ROWS = 12;
  private static final int CLASSES = 5;

  private static double[] uniform(long seed, int n, double lo, double hi) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * r.nextDouble();
    return v;
  }

  private static double[] ints(long seed, int n, int bound) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = r.nextInt(bound);
    return v;
  }

  private static int argmax(double[] v, int row, int k) {
    int best = 0;
    for (int j = 1; j < k; j++) if (v[row * k + j] > v[row * k + best]) best = j;
    return best;
  }

  private static double[] oneHot(double[] ids, int k) {
    double[] v = new double[ids.length * k];
    for (int i = 0; i < ids.length; i++) v[i * k + (int) ids[i]] = 1;
    return v;
  }

  @Test
  void accuracy_counts_exact_matches() {
    double[] y = ints(1, ROWS, 3);
    double[] pred = ints(2, ROWS, 3);
    int hits = 0;
    for (int i = 0; i < ROWS; i++) if (y[i] == pred[i]) hits++;
    Batch b = Batch.of(Shape.of(ROWS), y, Shape.of(ROWS, 1), pred);
    assertEquals((double) hits / ROWS, MetricKit.result(new Accuracy(), b), 1e-6);
  }

  @Test
  void binary_accuracy_thresholds_predictions() {
    double[] y = ints(3, ROWS, 2);
    double[] pred = uniform(4, ROWS, -1, 1);
    for (double threshold : new double[] {0.5, 0.0, -0.3}) {
      int hits = 0;
      for (int i = 0; i < ROWS; i++) if ((pred[i] > threshold ? 1 : 0) == y[i]) hits++;
      // Targets (rows,) and predictions (rows, 1), as compile gives them.
      Batch b = Batch.of(Shape.of(ROWS), y, Shape.of(ROWS, 1), pred);
      assertEquals(
          (double) hits / ROWS,
          MetricKit.result(new BinaryAccuracy(null, null, threshold), b),
          1e-6,
          "threshold " + threshold);
    }
  }

  @Test
  void binary_accuracy_weighs_samples() {
    double[] y = {1, 0, 1, 0};
    double[] pred = {0.9, 0.8, 0.2, 0.1};
    double[] sw = {1, 2, 3, 4};
    Batch b = Batch.of(Shape.of(4, 1), y, Shape.of(4, 1), pred).weighted(Shape.of(4), sw);
    assertEquals((1 + 4) / 10.0, MetricKit.result(new BinaryAccuracy(), b), 1e-6);
  }

  @Test
  void categorical_accuracy_compares_argmaxes() {
    double[] ids = ints(5, ROWS, CLASSES);
    double[] pred = uniform(6, ROWS * CLASSES, 0, 1);
    int hits = 0;
    for (int i = 0; i < ROWS; i++) if (argmax(pred, i, CLASSES) == ids[i]) hits++;
    Batch b =
        Batch.of(Shape.of(ROWS, CLASSES), oneHot(ids, CLASSES), Shape.of(ROWS, CLASSES), pred);
    assertEquals((double) hits / ROWS, MetricKit.result(new CategoricalAccuracy(), b), 1e-6);
  }

  @Test
  void categorical_accuracy_on_sequences_counts_every_step() {
    // (batch, steps, classes), as the seed's NMT model: each step is one match.
    double[] ids = ints(7, 3 * 4, CLASSES);
    double[] pred = uniform(8, 3 * 4 * CLASSES, 0, 1);
    int hits = 0;
    for (int i = 0; i < 12; i++) if (argmax(pred, i, CLASSES) == ids[i]) hits++;
    Batch b =
        Batch.of(Shape.of(3, 4, CLASSES), oneHot(ids, CLASSES), Shape.of(3, 4, CLASSES), pred);
    assertEquals(hits / 12.0, MetricKit.result(new CategoricalAccuracy(), b), 1e-6);
  }

  @Test
  void sparse_categorical_accuracy_compares_ids_with_argmax() {
    double[] ids = ints(9, ROWS, CLASSES);
    double[] pred = uniform(10, ROWS * CLASSES, -2, 2);
    int hits = 0;
    for (int i = 0; i < ROWS; i++) if (argmax(pred, i, CLASSES) == ids[i]) hits++;
    for (Shape yShape : List.of(Shape.of(ROWS), Shape.of(ROWS, 1))) {
      Batch b = Batch.of(yShape, ids, Shape.of(ROWS, CLASSES), pred);
      assertEquals(
          (double) hits / ROWS,
          MetricKit.result(new SparseCategoricalAccuracy(), b),
          1e-6,
          "targets " + yShape);
    }
  }

  @Test
  void top_k_accuracy_finds_the_target_among_the_k_largest() {
    double[] ids = ints(11, ROWS, CLASSES);
    double[] pred = uniform(12, ROWS * CLASSES, 0, 1);
    for (int k : new int[] {1, 2, 3}) {
      int hits = 0;
      for (int i = 0; i < ROWS; i++) {
        double target = pred[i * CLASSES + (int) ids[i]];
        int larger = 0;
        for (int j = 0; j < CLASSES; j++) if (pred[i * CLASSES + j] > target) larger++;
        if (larger < k) hits++;
      }
      Batch b =
          Batch.of(Shape.of(ROWS, CLASSES), oneHot(ids, CLASSES), Shape.of(ROWS, CLASSES), pred);
      assertEquals(
          (double) hits / ROWS,
          MetricKit.result(new TopKCategoricalAccuracy(k, null, null), b),
          1e-6,
          "k=" + k);
    }
  }

  @Test
  void top_1_is_categorical_accuracy() {
    double[] ids = ints(13, ROWS, CLASSES);
    double[] pred = uniform(14, ROWS * CLASSES, 0, 1);
    Batch b =
        Batch.of(Shape.of(ROWS, CLASSES), oneHot(ids, CLASSES), Shape.of(ROWS, CLASSES), pred);
    assertEquals(
        MetricKit.result(new CategoricalAccuracy(), b),
        MetricKit.result(new TopKCategoricalAccuracy(1, null, null), b),
        1e-7);
  }

  @Test
  void updates_accumulate_over_batches() {
    double[] ids = ints(15, ROWS, CLASSES);
    double[] pred = uniform(16, ROWS * CLASSES, 0, 1);
    Batch all = Batch.of(Shape.of(ROWS), ids, Shape.of(ROWS, CLASSES), pred);
    double[] ids1 = java.util.Arrays.copyOfRange(ids, 0, 8);
    double[] ids2 = java.util.Arrays.copyOfRange(ids, 8, ROWS);
    Batch first =
        Batch.of(
            Shape.of(8),
            ids1,
            Shape.of(8, CLASSES),
            java.util.Arrays.copyOfRange(pred, 0, 8 * CLASSES));
    Batch second =
        Batch.of(
            Shape.of(4),
            ids2,
            Shape.of(4, CLASSES),
            java.util.Arrays.copyOfRange(pred, 8 * CLASSES, ROWS * CLASSES));
    assertEquals(
        MetricKit.result(new SparseCategoricalAccuracy(), all),
        MetricKit.run(new SparseCategoricalAccuracy(), List.of(first, second))[0],
        1e-7);
  }

  @Test
  void configs_round_trip_with_keras_keys() {
    MetricKit.assertRoundTrip(new Accuracy("acc", null), "Accuracy", "name", "dtype");
    MetricKit.assertRoundTrip(
        new BinaryAccuracy("binary_accuracy", "float32", 0.0),
        "BinaryAccuracy",
        "name",
        "dtype",
        "threshold");
    MetricKit.assertRoundTrip(new CategoricalAccuracy(), "CategoricalAccuracy", "name", "dtype");
    MetricKit.assertRoundTrip(
        new SparseCategoricalAccuracy(), "SparseCategoricalAccuracy", "name", "dtype");
    MetricKit.assertRoundTrip(
        new TopKCategoricalAccuracy(3, "top3", null),
        "TopKCategoricalAccuracy",
        "name",
        "dtype",
        "k");
  }
}

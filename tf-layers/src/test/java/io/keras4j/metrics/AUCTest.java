package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.metrics.MetricKit.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class AUCTest {

  private static final int N = 60;

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
  // Predictions that lean towards the targets, so that the areas are far from 0.5.
  private static final double[] PRED = lean(uniform(2, N, 0, 1));

  private static double[] lean(double[] u) {
    double[] p = new double[N];
    for (int i = 0; i < N; i++) p[i] = (float) (0.6 * u[i] + 0.4 * Y[i]);
    return p;
  }

  private static final Batch BATCH = Batch.of(Shape.of(N), Y, Shape.of(N, 1), PRED);

  private static double reference(
      double[] y, double[] pred, int n, String curve, String summation, double[] weights) {
    return ConfusionReference.auc(
        ConfusionReference.counts(y, pred, ConfusionReference.aucThresholds(n), weights),
        curve,
        summation);
  }

  @Test
  void every_curve_and_summation_method_matches_keras_formulas() {
    for (String curve : List.of("ROC", "PR")) {
      for (String summation : List.of("interpolation", "minoring", "majoring")) {
        AUC auc = AUC.builder().curve(curve).summationMethod(summation).build();
        assertEquals(
            reference(Y, PRED, 200, curve, summation, null),
            MetricKit.result(auc, BATCH),
            1e-5,
            curve + " " + summation);
      }
    }
  }

  @Test
  void few_thresholds_and_sample_weights() {
    double[] w = uniform(3, N, 0, 3);
    AUC auc = AUC.builder().numThresholds(7).build();
    assertEquals(
        reference(Y, PRED, 7, "ROC", "interpolation", w),
        MetricKit.result(auc, BATCH.weighted(Shape.of(N), w)),
        1e-5);
  }

  @Test
  void perfect_and_reversed_rankings() {
    double[] perfect = new double[N];
    double[] reversed = new double[N];
    for (int i = 0; i < N; i++) {
      perfect[i] = Y[i] == 1 ? 0.8 : 0.2;
      reversed[i] = 1 - perfect[i];
    }
    assertEquals(
        1, MetricKit.result(new AUC(), Batch.of(Shape.of(N), Y, Shape.of(N), perfect)), 1e-6);
    assertEquals(
        0, MetricKit.result(new AUC(), Batch.of(Shape.of(N), Y, Shape.of(N), reversed)), 1e-6);
  }

  @Test
  void from_logits_applies_a_sigmoid() {
    double[] logits = new double[N];
    double[] probs = new double[N];
    for (int i = 0; i < N; i++) {
      logits[i] = 4 * (PRED[i] - 0.5);
      probs[i] = 1 / (1 + Math.exp(-logits[i]));
    }
    assertEquals(
        MetricKit.result(new AUC(), Batch.of(Shape.of(N), Y, Shape.of(N), probs)),
        MetricKit.result(
            AUC.builder().fromLogits(true).build(), Batch.of(Shape.of(N), Y, Shape.of(N), logits)),
        1e-5);
  }

  @Test
  void given_thresholds_take_the_comparing_path_and_agree_with_the_bucketed_one() {
    // The default inner thresholds, given explicitly, are evenly spaced (bucketed path) ...
    List<Double> even = new ArrayList<>();
    for (int i = 0; i < 8; i++) even.add((i + 1) / 9.0);
    assertEquals(
        MetricKit.result(AUC.builder().numThresholds(10).build(), BATCH),
        MetricKit.result(AUC.builder().thresholds(even).build(), BATCH),
        1e-6);
    // ... and uneven ones compare every prediction with every threshold.
    List<Double> uneven = List.of(0.7, 0.1, 0.45, 0.5);
    double[] t = {-1e-7, 0.1, 0.45, 0.5, 0.7, 1 + 1e-7};
    double want =
        ConfusionReference.auc(ConfusionReference.counts(Y, PRED, t, null), "ROC", "interpolation");
    assertEquals(want, MetricKit.result(AUC.builder().thresholds(uneven).build(), BATCH), 1e-6);
  }

  @Test
  void multi_label_averages_the_labels_areas() {
    int labels = 3;
    double[] y = bits(4, N * labels);
    double[] pred = uniform(5, N * labels, 0, 1);
    double[] areas = new double[labels];
    for (int l = 0; l < labels; l++) {
      double[] yl = new double[N];
      double[] pl = new double[N];
      for (int i = 0; i < N; i++) {
        yl[i] = y[i * labels + l];
        pl[i] = pred[i * labels + l];
      }
      areas[l] = reference(yl, pl, 200, "ROC", "interpolation", null);
    }
    Batch b = Batch.of(Shape.of(N, labels), y, Shape.of(N, labels), pred);
    assertEquals(
        (areas[0] + areas[1] + areas[2]) / 3,
        MetricKit.result(AUC.builder().multiLabel(true).build(), b),
        1e-5);
    assertEquals(
        (areas[0] * 1 + areas[1] * 2 + areas[2] * 0.5) / 3.5,
        MetricKit.result(
            AUC.builder()
                .multiLabel(true)
                .numLabels(3)
                .labelWeights(List.of(1.0, 2.0, 0.5))
                .build(),
            b),
        1e-5);
  }

  @Test
  void variables_are_keras_counters() {
    AUC auc = new AUC();
    assertEquals(
        List.of("true_positives", "false_positives", "true_negatives", "false_negatives"),
        auc.variables().stream().map(w -> w.name()).toList());
    assertEquals(Shape.of(200), auc.variables().get(0).shape());
  }

  @Test
  void invalid_arguments_are_refused_in_keras_words() {
    assertThrows(IllegalArgumentException.class, () -> AUC.builder().numThresholds(1).build());
    assertThrows(IllegalArgumentException.class, () -> AUC.builder().curve("DET").build());
    assertThrows(
        IllegalArgumentException.class, () -> AUC.builder().summationMethod("trapezoid").build());
    assertThrows(IllegalArgumentException.class, () -> AUC.builder().numLabels(2).build());
  }

  @Test
  void configs_round_trip_with_keras_keys() {
    String[] keys = {
      "name",
      "dtype",
      "num_thresholds",
      "curve",
      "summation_method",
      "multi_label",
      "num_labels",
      "label_weights",
      "from_logits"
    };
    MetricKit.assertRoundTrip(AUC.builder().fromLogits(true).build(), "AUC", keys);
    MetricKit.assertRoundTrip(
        AUC.builder()
            .curve("pr")
            .summationMethod("Minoring")
            .multiLabel(true)
            .numLabels(2)
            .labelWeights(List.of(1.0, 3.0))
            .build(),
        "AUC",
        keys);
    String[] withThresholds = java.util.Arrays.copyOf(keys, keys.length + 1);
    withThresholds[keys.length] = "thresholds";
    MetricKit.assertRoundTrip(
        AUC.builder().thresholds(List.of(0.5, 0.2)).build(), "AUC", withThresholds);
  }
}

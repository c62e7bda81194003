package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class MeanTest {

  /** Updates {@code metric} with (values, weights) pairs and returns the result. */
  private static double run(
      Mean metric, double[][] values, Shape[] shapes, double[][] weights, Shape[] weightShapes) {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      for (int i = 0; i < values.length; i++) {
        Operand<TFloat32> w =
            weights == null || weights[i] == null
                ? null
                : MetricKit.constant(tf, weightShapes[i], weights[i]);
        metric.updateState(tf, MetricKit.constant(tf, shapes[i], values[i]), w);
      }
      return MetricKit.read(tf, metric.result(tf))[0];
    }
  }

  @Test
  void is_the_weighted_mean_over_every_update() {
    double[] a = {1, 2, 3, 4};
    double[] wa = {1, 0, 2, 0.5};
    double[] b = {-1, 5};
    double got =
        run(
            new Mean(),
            new double[][] {a, b},
            new Shape[] {Shape.of(4), Shape.of(2)},
            new double[][] {wa, null},
            new Shape[] {Shape.of(4), null});
    // Unweighted updates count their samples.
    double want = (1 * 1 + 0 + 3 * 2 + 4 * 0.5 + (-1) + 5) / (1 + 0 + 2 + 0.5 + 2);
    assertEquals(want, got, 1e-6);
  }

  @Test
  void values_of_higher_rank_are_averaged_per_sample_first() {
    // (2, 3) values with per-sample weights (2,): each sample's mean weighs its weight.
    double[] v = {1, 2, 3, 10, 20, 30};
    double got =
        run(
            new Mean(),
            new double[][] {v},
            new Shape[] {Shape.of(2, 3)},
            new double[][] {{3, 1}},
            new Shape[] {Shape.of(2)});
    assertEquals((2 * 3 + 20 * 1) / 4.0, got, 1e-6);
    // Without weights, each sample counts once.
    assertEquals(
        (2 + 20) / 2.0,
        run(new Mean(), new double[][] {v}, new Shape[] {Shape.of(2, 3)}, null, null),
        1e-6);
  }

  @Test
  void weights_of_the_values_shape_average_per_sample() {
    double[] v = {1, 2, 3, 4};
    double[] w = {1, 1, 0, 2};
    double got =
        run(
            new Mean(),
            new double[][] {v},
            new Shape[] {Shape.of(2, 2)},
            new double[][] {w},
            new Shape[] {Shape.of(2, 2)});
    // Keras: total += sum(v * w) / 2 per sample; count += mean(w) per sample.
    double total = (1 * 1 + 2 * 1) / 2.0 + (3 * 0 + 4 * 2) / 2.0;
    double count = (1 + 1) / 2.0 + (0 + 2) / 2.0;
    assertEquals(total / count, got, 1e-6);
  }

  @Test
  void a_scalar_counts_as_one_sample() {
    assertEquals(
        2.5,
        run(
            new Mean(),
            new double[][] {{2}, {3}},
            new Shape[] {Shape.scalar(), Shape.scalar()},
            null,
            null),
        1e-6);
  }

  @Test
  void is_zero_before_any_update_and_after_reset() {
    Mean mean = new Mean("loss", null);
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      assertEquals(0, MetricKit.read(tf, mean.result(tf))[0]);
      mean.updateState(tf, tf.constant(new float[] {4f}), null);
      assertEquals(4, MetricKit.read(tf, mean.result(tf))[0]);
      mean.resetState(tf);
      assertEquals(0, MetricKit.read(tf, mean.result(tf))[0]);
    }
  }

  @Test
  void variables_are_total_and_count() {
    Mean mean = new Mean("loss", null);
    assertEquals(List.of("total", "count"), mean.variables().stream().map(w -> w.name()).toList());
    assertEquals("loss/total", mean.variables().get(0).path());
    mean.variables().forEach(w -> assertEquals(false, w.trainable()));
  }

  @Test
  void targets_and_predictions_are_refused_as_keras_refuses_them() {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      assertThrows(
          UnsupportedOperationException.class,
          () -> new Mean().updateState(tf, tf.constant(1f), tf.constant(1f), null));
    }
  }

  @Test
  void config_round_trips_with_keras_keys() {
    MetricKit.assertRoundTrip(new Mean("loss", null), "Mean", "name", "dtype");
    MetricKit.assertRoundTrip(new Mean("m64", "float64"), "Mean", "name", "dtype");
    assertThrows(IllegalArgumentException.class, () -> new Mean("m", "int32"));
  }
}

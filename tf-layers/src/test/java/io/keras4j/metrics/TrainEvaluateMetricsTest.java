package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.losses.TrainEvaluate;
import io.keras4j.losses.TrainEvaluate.Case;
import io.keras4j.losses.TrainEvaluate.Output;
import io.keras4j.metrics.MetricKit.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.ndarray.Shape;

/**
 * Each compiled metric of the Keras training fixtures, built from its {@code compile_config},
 * against what Keras' {@code evaluate} reported for the trained model's predictions.
 */
class TrainEvaluateMetricsTest {

  @TestFactory
  Stream<DynamicTest> metrics_match_keras_evaluate() {
    return TrainEvaluate.cases().values().stream()
        .flatMap(
            c ->
                CompileMetricsTest.resolve(c).stream()
                    .map(
                        e ->
                            DynamicTest.dynamicTest(
                                c.name() + " " + e.historyName(), () -> check(c, e))));
  }

  private static void check(Case c, CompileMetrics.Entry e) {
    Output o = c.outputs().get(e.output());
    double got = MetricKit.run(e.metric(), batches(o, 8))[0];
    double want = c.evaluate().get(e.historyName());
    assertTrue(
        c.close(want, got),
        c.name() + " " + e.historyName() + ": Keras " + want + ", Keras4J " + got);
  }

  /** The samples in batches of {@code size}, the last one smaller, as evaluate feeds them. */
  private static List<Batch> batches(Output o, int size) {
    int rows = (int) o.yShape().get(0);
    int yWidth = o.y().length / rows;
    int pWidth = o.pred().length / rows;
    List<Batch> batches = new ArrayList<>();
    for (int start = 0; start < rows; start += size) {
      int end = Math.min(rows, start + size);
      batches.add(
          Batch.of(
              withBatch(o.yShape(), end - start),
              Arrays.copyOfRange(o.y(), start * yWidth, end * yWidth),
              withBatch(o.predShape(), end - start),
              Arrays.copyOfRange(o.pred(), start * pWidth, end * pWidth)));
    }
    return batches;
  }

  private static Shape withBatch(Shape s, long batch) {
    long[] d = s.asArray();
    d[0] = batch;
    return Shape.of(d);
  }
}

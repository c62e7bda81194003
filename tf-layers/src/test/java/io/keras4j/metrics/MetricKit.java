package io.keras4j.metrics;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** Runs metrics on small arrays in an eager session and checks their configs. */
final class MetricKit {

  private MetricKit() {}

  /** A batch: targets, predictions and optional sample weights, row-major. */
  record Batch(
      Shape yShape,
      double[] y,
      Shape predShape,
      double[] pred,
      @Nullable Shape swShape,
      double @Nullable [] sw) {
    static Batch of(Shape yShape, double[] y, Shape predShape, double[] pred) {
      return new Batch(yShape, y, predShape, pred, null, null);
    }

    Batch weighted(Shape swShape, double... sw) {
      return new Batch(yShape, y, predShape, pred, swShape, sw);
    }
  }

  static Operand<TFloat32> constant(Ops tf, Shape shape, double[] values) {
    return tf.dtypes.cast(tf.constant(shape, DataBuffers.of(values, true, false)), TFloat32.class);
  }

  /** Updates a fresh session's metric with every batch in turn and returns its result. */
  static double[] run(Metric metric, List<Batch> batches) {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      try {
        for (Batch b : batches) {
          metric.updateState(
              tf,
              constant(tf, b.yShape(), b.y()),
              constant(tf, b.predShape(), b.pred()),
              b.sw() == null ? null : constant(tf, b.swShape(), b.sw()));
        }
        return read(tf, metric.result(tf));
      } finally {
        metric.variables().forEach(w -> w.detach(session));
      }
    }
  }

  /** {@link #run} with one batch, returning the scalar result. */
  static double result(Metric metric, Batch batch) {
    double[] r = run(metric, List.of(batch));
    assertEquals(1, r.length, metric + " result");
    return r[0];
  }

  static double[] read(Ops tf, Operand<?> x) {
    try (TFloat64 t = tf.dtypes.cast(x, TFloat64.class).asTensor()) {
      double[] out = new double[(int) t.size()];
      t.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  private static final ReadContext READ = ReadContext.of(KerasRegistry.builtins());

  static JsonNode write(Metric metric) {
    try {
      return KerasJson.mapper()
          .readTree(
              KerasJson.mapper()
                  .writer()
                  .withAttribute(KerasRegistry.class, KerasRegistry.builtins())
                  .writeValueAsString(metric));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Metric read(JsonNode json) {
    try {
      return KerasJson.mapper()
          .readerFor(Metric.class)
          .withAttribute(ReadContext.class, READ)
          .readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return KerasJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code metric}, checks its envelope names {@code className} in {@code keras.metrics}
   * with exactly {@code keys}, and reads it back to a metric of the same class that writes the same
   * JSON.
   */
  static JsonNode assertRoundTrip(Metric metric, String className, String... keys) {
    JsonNode json = write(metric);
    assertEquals("keras.metrics", json.get("module").asText(), json.toString());
    assertEquals(className, json.get("class_name").asText(), json.toString());
    assertTrue(json.get("registered_name").isNull(), json.toString());
    Set<String> got = new TreeSet<>();
    json.get("config").fieldNames().forEachRemaining(got::add);
    assertEquals(new TreeSet<>(List.of(keys)), got, json.toString());
    Metric back = read(json);
    assertEquals(metric.getClass(), back.getClass());
    assertEquals(metric.name(), back.name());
    assertJsonEquals(json, write(back));
    return json;
  }
}

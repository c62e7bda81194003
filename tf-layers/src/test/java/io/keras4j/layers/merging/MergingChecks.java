package io.keras4j.layers.merging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.TensorSpec;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Checks the merging tests share besides {@code LayerTestKit}: inputs, reading outputs, running a
 * layer with input masks (which {@code LayerTestKit.predict} does not feed), Keras' own configs
 * (copied from {@code keras-fixtures} into {@code keras-configs.json}) and gradients.
 */
final class MergingChecks {

  private MergingChecks() {}

  /** A float32 tensor of the given shape filled with seeded uniform values in [-1, 1). */
  static TFloat32 randomFloats(long seed, long... shape) {
    Shape s = Shape.of(shape);
    float[] values = new float[(int) s.size()];
    Random r = new Random(seed);
    for (int i = 0; i < values.length; i++) values[i] = r.nextFloat() * 2 - 1;
    return TFloat32.tensorOf(s, DataBuffers.of(values, true, false));
  }

  static TFloat32 filled(float value, long... shape) {
    float[] values = new float[(int) Shape.of(shape).size()];
    Arrays.fill(values, value);
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  /**
   * A boolean mask of the given shape, entry {@code i} (row-major) true where {@code i % 3 != k}.
   */
  static TBool stripedMask(int k, long... shape) {
    boolean[] values = new boolean[(int) Shape.of(shape).size()];
    for (int i = 0; i < values.length; i++) values[i] = i % 3 != k;
    return TBool.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  /** The values of a float32 tensor in row-major order. */
  static float[] floats(Tensor t) {
    TFloat32 f = (TFloat32) t;
    float[] out = new float[(int) f.shape().size()];
    f.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  static boolean[] booleans(Tensor t) {
    TBool b = (TBool) t;
    boolean[] out = new boolean[(int) b.shape().size()];
    b.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** The output of a layer run on tensors with masks, and its output mask. */
  record Run(float[] values, Shape shape, boolean @Nullable [] mask, @Nullable Shape maskShape) {}

  /**
   * Runs {@code layer} on {@code inputs} (fed to placeholders with an unknown batch) with the given
   * input masks ({@code null} entries for inputs without one), as a functional model does.
   */
  static Run run(Layer layer, List<TFloat32> inputs, List<@Nullable TBool> masks) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Session.Runner runner = s.runner();
      List<Operand<?>> xs = new ArrayList<>();
      List<@Nullable Operand<TBool>> ms = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        Placeholder<TFloat32> x =
            tf.placeholder(TFloat32.class, Placeholder.shape(unknownBatch(inputs.get(i).shape())));
        runner.feed(x, inputs.get(i));
        xs.add(x);
        TBool m = masks.get(i);
        if (m == null) {
          ms.add(null);
        } else {
          Placeholder<TBool> p =
              tf.placeholder(TBool.class, Placeholder.shape(unknownBatch(m.shape())));
          runner.feed(p, m);
          ms.add(p);
        }
      }
      Operand<?> y = layer.apply(tf, xs, CallContext.inference().withMasks(ms)).get(0);
      Operand<TBool> mask = layer.computeMask(tf, xs, ms, 1).get(0);
      runner.fetch(y);
      if (mask != null) runner.fetch(mask);
      try (Result r = runner.run()) {
        return new Run(
            floats(r.get(0)),
            r.get(0).shape(),
            mask == null ? null : booleans(r.get(1)),
            mask == null ? null : r.get(1).shape());
      }
    }
  }

  private static Shape unknownBatch(Shape s) {
    long[] d = s.asArray();
    d[0] = Shape.UNKNOWN_SIZE;
    return Shape.of(d);
  }

  /** The row-major offset of {@code index} in a tensor of the given shape. */
  static int offset(Shape shape, long... index) {
    long o = 0;
    for (int i = 0; i < index.length; i++) o = o * shape.get(i) + index[i];
    return (int) o;
  }

  /**
   * Reads every config of {@code className} that Keras wrote in the fixtures, writes it back and
   * compares the two {@code config} objects (key order aside).
   */
  static void assertReadsAndWritesKerasConfigs(String className) {
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    int seen = 0;
    for (JsonNode envelope : kerasConfigs()) {
      if (!envelope.get("class_name").asText().equals(className)) continue;
      Layer layer = serializer.deserialize(envelope);
      assertEquals(className, layer.getClass().getSimpleName());
      ObjectNode expected = envelope.get("config").deepCopy();
      // Keras marks a DTypePolicy shared by several layers of a model with shared_object_id; that
      // belongs to the model serializer, not to the layer config checked here.
      if (expected.get("dtype") instanceof ObjectNode dtype) dtype.remove("shared_object_id");
      assertEquals(
          expected,
          serializer.serialize(layer).get("config"),
          "config written back, from " + envelope.get("source").asText());
      seen++;
    }
    assertFalse(seen == 0, "no Keras config of " + className + " in keras-configs.json");
  }

  private static List<JsonNode> kerasConfigs() {
    try (InputStream in = MergingChecks.class.getResourceAsStream("keras-configs.json")) {
      List<JsonNode> out = new ArrayList<>();
      KerasJson.mapper().readTree(in).forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reading {@code json} as {@code configClass} fails because the config rejected a value with an
   * {@link IllegalArgumentException}, as Keras rejects it.
   */
  static void assertRejected(String json, Class<?> configClass) {
    Exception e =
        assertThrows(Exception.class, () -> KerasJson.mapper().readValue(json, configClass));
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    assertInstanceOf(IllegalArgumentException.class, root, json);
  }

  /**
   * Builds the layer on placeholders and differentiates its output with respect to every input:
   * fails if an op of the layer has no registered gradient in TensorFlow Java.
   */
  static void assertDifferentiable(Layer layer, TensorSpec... inputs) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Operand<?>> placeholders = new ArrayList<>();
      Output<?>[] xs = new Output<?>[inputs.length];
      for (int i = 0; i < inputs.length; i++) {
        Placeholder<?> p = tf.placeholder(inputs[i].dtype(), Placeholder.shape(inputs[i].shape()));
        placeholders.add(p);
        xs[i] = p.asOutput();
      }
      Operand<?> y = layer.apply(tf, placeholders, CallContext.inference()).get(0);
      Output<?>[] grads = g.addGradients(y.asOutput(), xs);
      assertEquals(inputs.length, grads.length);
      for (int i = 0; i < inputs.length; i++) {
        assertSame(inputs[i].dtype(), grads[i].type(), "gradient dtype of input " + i);
      }
    }
  }
}

package io.keras4j.layers.reshaping;

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
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Checks the reshaping tests share besides {@code LayerTestKit}: inputs, reading outputs, Keras'
 * own configs (copied from {@code keras-fixtures} into {@code keras-configs.json}) and gradients.
 */
final class ReshapingChecks {

  private ReshapingChecks() {}

  /** A float32 tensor of the given shape filled with seeded uniform values in [-1, 1). */
  static TFloat32 randomFloats(long seed, long... shape) {
    Shape s = Shape.of(shape);
    float[] values = new float[(int) s.size()];
    Random r = new Random(seed);
    for (int i = 0; i < values.length; i++) values[i] = r.nextFloat() * 2 - 1;
    return TFloat32.tensorOf(s, DataBuffers.of(values, true, false));
  }

  /** The values of a float32 tensor in row-major order. */
  static float[] floats(Tensor t) {
    TFloat32 f = (TFloat32) t;
    float[] out = new float[(int) f.shape().size()];
    f.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /**
   * Reading {@code json} as {@code configClass} fails because the config record (or its builder)
   * rejected a value with an {@link IllegalArgumentException}, as Keras rejects it.
   */
  static void assertRejected(String json, Class<?> configClass) {
    Exception e =
        assertThrows(Exception.class, () -> KerasJson.mapper().readValue(json, configClass));
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    assertInstanceOf(IllegalArgumentException.class, root, json);
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
    try (InputStream in = ReshapingChecks.class.getResourceAsStream("keras-configs.json")) {
      List<JsonNode> out = new ArrayList<>();
      KerasJson.mapper().readTree(in).forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Builds the layer on placeholders and differentiates its output with respect to its inputs:
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

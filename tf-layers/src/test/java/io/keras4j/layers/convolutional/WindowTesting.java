package io.keras4j.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Weight;
import io.keras4j.layers.core.Input;
import io.keras4j.models.Functional;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Checks shared by the tests of the convolution and pooling layers: running a layer with known
 * weights, comparing outputs, differentiating through a layer, and Keras' own serialized configs.
 */
public final class WindowTesting {

  private WindowTesting() {}

  /** An output of a layer: its shape and its values in row-major order. */
  public record Values(Shape shape, float[] values) {

    /** The values with the axes permuted as {@code perm} says (as {@code np.transpose}). */
    public Values transpose(int... perm) {
      long[] dims = shape.asArray();
      long[] out = new long[dims.length];
      for (int i = 0; i < perm.length; i++) out[i] = dims[perm[i]];
      float[] v = new float[values.length];
      long[] index = new long[dims.length];
      for (int flat = 0; flat < values.length; flat++) {
        long rest = flat;
        for (int a = dims.length - 1; a >= 0; a--) {
          index[a] = rest % dims[a];
          rest /= dims[a];
        }
        long target = 0;
        for (int a = 0; a < out.length; a++) target = target * out[a] + index[perm[a]];
        v[(int) target] = values[flat];
      }
      return new Values(Shape.of(out), v);
    }

    /** The values at {@code from <= index < to} along {@code axis} (as {@code x[..., from:to]}). */
    public Values slice(int axis, long from, long to) {
      long[] dims = shape.asArray();
      long[] out = dims.clone();
      out[axis] = to - from;
      float[] v = new float[(int) Shape.of(out).size()];
      long inner = 1;
      for (int a = axis + 1; a < dims.length; a++) inner *= dims[a];
      long outer = values.length / (dims[axis] * inner);
      int k = 0;
      for (long o = 0; o < outer; o++) {
        for (long i = from; i < to; i++) {
          for (long j = 0; j < inner; j++) {
            v[k++] = values[(int) ((o * dims[axis] + i) * inner + j)];
          }
        }
      }
      return new Values(Shape.of(out), v);
    }

    public TFloat32 tensor() {
      return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
    }

    public double dot(Values other) {
      assertEquals(shape, other.shape, "shapes of a dot product");
      double sum = 0;
      for (int i = 0; i < values.length; i++) sum += (double) values[i] * other.values[i];
      return sum;
    }
  }

  /** A smooth, non-repeating pattern of the given shape; {@code phase} tells patterns apart. */
  public static Values pattern(double phase, long... shape) {
    float[] v = new float[(int) Shape.of(shape).size()];
    for (int i = 0; i < v.length; i++) v[i] = (float) Math.cos(phase + 0.37 * i);
    return new Values(Shape.of(shape), v);
  }

  /**
   * Runs {@code layers} one after the other on {@code x} in a functional model whose weights hold,
   * in the model's order, {@code weights} (or, where none is given, a fixed pattern).
   */
  public static Values run(List<? extends Layer> layers, Values x, float[]... weights) {
    long[] dims = x.shape().asArray();
    return run(Arrays.copyOfRange(dims, 1, dims.length), layers, x, weights);
  }

  /**
   * Runs one layer as {@link #run(Layer, Values, float[]...)} does, but with a model input whose
   * dimensions are all unknown except the channel axis {@code channelAxis}, so that the layer
   * computes its sizes at run time.
   */
  public static Values runUnknownSize(Layer layer, Values x, int channelAxis, float[]... weights) {
    long[] dims = x.shape().asArray();
    long[] shape = new long[dims.length - 1];
    Arrays.fill(shape, -1);
    shape[channelAxis - 1] = dims[channelAxis];
    return run(shape, List.of(layer), x, weights);
  }

  private static Values run(
      long[] inputShape, List<? extends Layer> layers, Values x, float[]... weights) {
    KerasTensor in = Input.of(inputShape);
    KerasTensor out = in;
    for (Layer layer : layers) out = layer.apply(out);
    try (Functional model = new Functional(LayerArgs.defaults(), in, out)) {
      model.build();
      Map<Weight, Tensor> values = new HashMap<>();
      int i = 0;
      for (Weight w : model.weights()) {
        float[] v = i < weights.length ? weights[i] : pattern(10 + i, w.shape().asArray()).values();
        assertEquals(w.size(), v.length, "values of weight " + w.path());
        values.put(w, TFloat32.tensorOf(w.shape(), DataBuffers.of(v, true, false)));
        i++;
      }
      try {
        model.assignWeights(values);
      } finally {
        values.values().forEach(Tensor::close);
      }
      try (TFloat32 t = x.tensor();
          Result r = model.predict(t)) {
        TFloat32 y = (TFloat32) r.get(0);
        float[] v = new float[(int) y.size()];
        y.copyTo(DataBuffers.of(v, false, false));
        return new Values(y.shape(), v);
      }
    }
  }

  /** Runs one layer; see {@link #run(List, Values, float[]...)}. */
  public static Values run(Layer layer, Values x, float[]... weights) {
    return run(List.of(layer), x, weights);
  }

  /** Checks two outputs for equal shapes and values equal within a float32 rounding error. */
  public static void assertClose(Values expected, Values actual, String what) {
    assertEquals(expected.shape(), actual.shape(), "shape of " + what);
    assertArrayEquals(expected.values(), actual.values(), 1e-5f, what);
  }

  /**
   * Builds the layer in a graph on an input of the given spec and checks that TensorFlow can
   * differentiate its output with respect to its input, that is that every op on the way has a
   * registered gradient.
   */
  public static void assertDifferentiable(Layer layer, TensorSpec input) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(input.shape()));
      List<Operand<?>> out = layer.apply(tf, List.of(x), CallContext.inference());
      @SuppressWarnings("unchecked")
      Operand<TFloat32> y = (Operand<TFloat32>) out.get(0);
      int rank = y.shape().numDimensions();
      int[] axes = new int[rank];
      for (int i = 0; i < rank; i++) axes[i] = i;
      Operand<TFloat32> loss = tf.sum(y, tf.constant(axes));
      Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] {x.asOutput()});
      assertNotNull(grads[0], "gradient of " + layer.name());
      layer.weights().forEach(w -> w.detach(g));
    }
  }

  /** Keras' own {@code serialize_keras_object} output for a layer class, from the fixtures. */
  public static JsonNode kerasSerialized(String className) throws IOException {
    try (InputStream in =
        WindowTesting.class.getResourceAsStream("/keras-fixtures/configs/layers.json")) {
      for (JsonNode entry : KerasJson.mapper().readTree(in).get("layers")) {
        if (entry.path("class_name").asText().equals(className)) return entry.get("serialized");
      }
    }
    throw new IllegalArgumentException("No " + className + " in layers.json");
  }

  /** Reads a layer from Keras JSON through the built-in registry. */
  public static Layer read(JsonNode envelope) {
    return ConfigSerializer.of(KerasRegistry.builtins()).deserialize(envelope);
  }

  /** Reads a layer from the JSON of its config alone. */
  public static Layer read(String className, String configJson) throws IOException {
    JsonNode config = KerasJson.mapper().readTree(configJson);
    var envelope = KerasJson.mapper().createObjectNode();
    envelope.put("module", "keras.layers");
    envelope.put("class_name", className);
    envelope.set("config", config);
    envelope.putNull("registered_name");
    return read(envelope);
  }

  /** The layer as Keras JSON. */
  public static JsonNode write(Layer layer) {
    return ConfigSerializer.of(KerasRegistry.builtins()).serialize(layer);
  }

  /** Every combination of the given lists, for tests over several settings. */
  public static List<List<Object>> combinations(List<?>... lists) {
    List<List<Object>> out = new ArrayList<>();
    out.add(List.of());
    for (List<?> l : lists) {
      List<List<Object>> next = new ArrayList<>();
      for (List<Object> prefix : out) {
        for (Object v : l) {
          List<Object> c = new ArrayList<>(prefix);
          c.add(v);
          next.add(c);
        }
      }
      out = next;
    }
    return out;
  }
}

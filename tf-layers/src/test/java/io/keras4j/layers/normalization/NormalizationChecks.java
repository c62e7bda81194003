package io.keras4j.layers.normalization;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Weight;
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
 * What the normalization layers' tests share: random inputs, statistics over axes computed here
 * from the values, running a layer in training mode in a graph, and Keras' serialized configs.
 */
final class NormalizationChecks {

  private NormalizationChecks() {}

  /** Values of the given shape, normal with the given mean and standard deviation. */
  static float[] random(long seed, double mean, double std, long... shape) {
    Random random = new Random(seed);
    float[] v = new float[Math.toIntExact(Shape.of(shape).size())];
    for (int i = 0; i < v.length; i++) v[i] = (float) (mean + std * random.nextGaussian());
    return v;
  }

  static TFloat32 tensor(float[] values, long... shape) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  static float[] values(Tensor t) {
    float[] v = new float[Math.toIntExact(t.shape().size())];
    ((TFloat32) t).copyTo(DataBuffers.of(v, false, false));
    return v;
  }

  /**
   * Mean and (biased) variance of each group of values that share their coordinates on every axis
   * not in {@code reduce}, in the row-major order of the remaining coordinates.
   */
  static double[][] stats(float[] values, long[] shape, int... reduce) {
    int rank = shape.length;
    boolean[] reduced = new boolean[rank];
    for (int a : reduce) reduced[a] = true;
    int groups = 1;
    for (int d = 0; d < rank; d++) if (!reduced[d]) groups *= (int) shape[d];
    double[] sum = new double[groups];
    double[] sumSq = new double[groups];
    int[] count = new int[groups];
    int[] coords = new int[rank];
    for (float value : values) {
      int g = 0;
      for (int d = 0; d < rank; d++) if (!reduced[d]) g = g * (int) shape[d] + coords[d];
      sum[g] += value;
      count[g]++;
      for (int d = rank - 1; d >= 0 && ++coords[d] == shape[d]; d--) coords[d] = 0;
    }
    double[] mean = new double[groups];
    for (int g = 0; g < groups; g++) mean[g] = sum[g] / count[g];
    Arrays.fill(coords, 0);
    for (float value : values) {
      int g = 0;
      for (int d = 0; d < rank; d++) if (!reduced[d]) g = g * (int) shape[d] + coords[d];
      sumSq[g] += (value - mean[g]) * (value - mean[g]);
      for (int d = rank - 1; d >= 0 && ++coords[d] == shape[d]; d--) coords[d] = 0;
    }
    double[] variance = new double[groups];
    for (int g = 0; g < groups; g++) variance[g] = sumSq[g] / count[g];
    return new double[][] {mean, variance};
  }

  static void assertAllClose(double expected, double[] actual, double tolerance, String what) {
    for (int i = 0; i < actual.length; i++) {
      assertEquals(expected, actual[i], tolerance, what + " [" + i + "]");
    }
  }

  /** The output of a layer run once in a graph, and the values of some weights afterwards. */
  record Run(float[] output, List<float[]> weightsAfter) {}

  /**
   * Builds the layer in a fresh graph, initializes its weights, runs it once on {@code x} with
   * {@code context} (and {@code mask} as the input's mask if given), then reads the weights named
   * {@code after}.
   */
  static Run run(
      Layer layer, TFloat32 x, CallContext context, @Nullable Tensor mask, String... after) {
    return run(layer, x, context, null, mask, after);
  }

  /** {@link #run}, with the context of a training step collecting into {@code effects}. */
  static Run run(
      Layer layer,
      TFloat32 x,
      CallContext context,
      CallContext.@Nullable Effects effects,
      @Nullable Tensor mask,
      String... after) {
    try (Graph g = new Graph();
        Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(x.shape()));
      Placeholder<TBool> m =
          mask == null ? null : tf.placeholder(TBool.class, Placeholder.shape(mask.shape()));
      CallContext ctx = m == null ? context : context.withMasks(List.of(m));
      Operand<?> y = layer.apply(tf, List.of(in), ctx).get(0);
      Session.Runner init = session.runner();
      for (Weight w : layer.weights()) {
        init.addTarget(
            tf.assignVariableOp(w.handle(tf), w.initializer().call(tf, w.shape(), w.dtype())));
      }
      init.run();
      Session.Runner runner = session.runner().feed(in, x).fetch(y);
      // As a training step does, run the updates the context collected along with the output.
      if (effects != null) effects.updates().forEach(runner::addTarget);
      if (m != null) runner.feed(m, mask);
      float[] output;
      try (Result r = runner.run()) {
        output = values(r.get(0));
      }
      List<float[]> weights = new ArrayList<>();
      for (String name : after) {
        Weight w =
            layer.weights().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
        try (Result r = session.runner().fetch(w.read(tf)).run()) {
          weights.add(values(r.get(0)));
        }
      }
      layer.weights().forEach(w -> w.detach(g));
      return new Run(output, weights);
    }
  }

  /** Keras' {@code serialize_keras_object} output for a layer class in the configs fixture. */
  static JsonNode kerasSerialized(String className) {
    try (InputStream in =
        NormalizationChecks.class.getResourceAsStream("/keras-fixtures/configs/layers.json")) {
      for (JsonNode entry : KerasJson.mapper().readTree(in).get("layers")) {
        if (entry.get("class_name").asText().equals(className)) return entry.get("serialized");
      }
      throw new AssertionError("No " + className + " in configs/layers.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads what Keras wrote for a layer and checks that writing it back gives the same JSON. */
  static Layer assertReadsAndWritesKerasJson(String className) {
    JsonNode keras = kerasSerialized(className);
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    Layer layer = serializer.deserialize(keras);
    assertEquals(className, layer.getClass().getSimpleName());
    assertJsonEquals(keras, serializer.serialize(layer));
    return layer;
  }
}

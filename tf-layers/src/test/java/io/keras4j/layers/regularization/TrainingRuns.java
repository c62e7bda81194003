package io.keras4j.layers.regularization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Runs a layer in training mode, as a training step would: built once into a graph, then run
 * several times in one session, each run drawing new noise. The shared kit's {@code predict} runs
 * in inference only.
 */
final class TrainingRuns {

  private TrainingRuns() {}

  /** The layer's outputs (flattened) for {@code runs} successive runs on the same input. */
  static List<float[]> run(Layer layer, float[] values, Shape shape, int runs) {
    try (Graph g = new Graph();
        Session session = new Session(g);
        TFloat32 input = TFloat32.tensorOf(shape, DataBuffers.of(values, true, false))) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(unknownBatch(shape)));
      Operand<?> y = layer.apply(tf, List.of(x), CallContext.of(true)).get(0);
      List<float[]> out = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        try (Result r = session.runner().feed(x, input).fetch(y).run()) {
          out.add(flat((TFloat32) r.get(0)));
        }
      }
      layer.weights().forEach(w -> w.detach(g));
      return out;
    }
  }

  /**
   * Builds the layer in training mode and differentiates the sum of its output with respect to its
   * input, as a training step does; TensorFlow refuses ops without a registered gradient.
   */
  static void assertDifferentiable(Layer layer, Shape shape) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
      Operand<?> y = layer.apply(tf, List.of(x), CallContext.of(true)).get(0);
      @SuppressWarnings("unchecked")
      Operand<TFloat32> output = (Operand<TFloat32>) y;
      Operand<TFloat32> loss = tf.sum(output, tf.constant(new int[] {0, 1}));
      Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] {x.asOutput()});
      assertEquals(shape, grads[0].shape(), "gradient shape");
      layer.weights().forEach(w -> w.detach(g));
    }
  }

  /** One training run. */
  static float[] once(Layer layer, float[] values, Shape shape) {
    return run(layer, values, shape, 1).get(0);
  }

  static float[] flat(NdArray<Float> t) {
    float[] v = new float[(int) t.size()];
    int[] i = {0};
    t.scalars().forEach(s -> v[i[0]++] = s.getObject());
    return v;
  }

  /** Values drawn from a standard normal, reproducibly. */
  static float[] gaussian(int n, long seed) {
    java.util.Random random = new java.util.Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) random.nextGaussian();
    return v;
  }

  static float fractionOfZeros(float[] v) {
    int zeros = 0;
    for (float x : v) if (x == 0f) zeros++;
    return (float) zeros / v.length;
  }

  private static Shape unknownBatch(Shape shape) {
    long[] d = shape.asArray();
    d[0] = Shape.UNKNOWN_SIZE;
    return Shape.of(d);
  }
}

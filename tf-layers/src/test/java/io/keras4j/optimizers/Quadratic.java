package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.Weight;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The convex quadratic {@code f(w) = 0.5 * sum((w - c)^2)} over the weights of {@link
 * Training#dense}, whose gradient the graph computes from the weights ({@code w - c}).
 */
final class Quadratic {

  private Quadratic() {}

  /** Twenty steps of {@code optimizer} lower {@code f} below a fifth of its starting value. */
  static void assertLowers(Optimizer optimizer) {
    Random random = new Random(3);
    List<Training.Param> params = Training.dense(random);
    float[][] centers = Training.denseGradients(random);
    try (Training t =
        Training.computing(
            optimizer,
            params,
            (tf, weights) -> {
              List<Operand<?>> grads = new ArrayList<>();
              for (int i = 0; i < weights.size(); i++) {
                grads.add(gradient(tf, weights.get(i), centers[i]));
              }
              return grads;
            })) {
      double start = value(t, centers);
      double previous = start;
      for (int s = 0; s < 20; s++) {
        t.step();
        double now = value(t, centers);
        if (s < 3) {
          assertTrue(now < previous, optimizer + " step " + s + ": " + previous + " -> " + now);
        }
        previous = now;
      }
      assertTrue(previous < start / 5, optimizer + ": " + start + " -> " + previous);
    }
  }

  private static Operand<TFloat32> gradient(Ops tf, Weight w, float[] center) {
    Operand<TFloat32> c =
        tf.constant(w.shape(), org.tensorflow.ndarray.buffer.DataBuffers.of(center, true, false));
    return tf.math.sub(w.read(tf), c);
  }

  private static double value(Training t, float[][] centers) {
    double f = 0;
    for (int i = 0; i < centers.length; i++) {
      double[] w = t.read(t.weights.get(i));
      for (int j = 0; j < w.length; j++) {
        f += 0.5 * (w[j] - centers[i][j]) * (w[j] - centers[i][j]);
      }
    }
    return f;
  }
}

package io.keras4j.layers.attention;

import io.keras4j.internal.JavaArrays;
import io.keras4j.layers.Layer;
import io.keras4j.testing.LayerTestKit;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Tensor;

/** Inputs for the attention tests and a way to run a layer on them. */
final class Sequences {

  private Sequences() {}

  /** A {@code (batch, steps, dim)} sequence of distinct values in {@code [-1, 1]}. */
  static float[][][] of(int batch, int steps, int dim, double phase) {
    float[][][] x = new float[batch][steps][dim];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < steps; t++) {
        for (int d = 0; d < dim; d++) {
          x[b][t][d] = (float) Math.sin(phase + 1.3 * b + 0.7 * t + 0.31 * d * (d + 1));
        }
      }
    }
    return x;
  }

  /** Runs the layer in a model on the given arrays and returns its outputs as arrays. */
  static List<Object> run(Layer layer, Object... inputs) {
    List<Tensor> tensors = new ArrayList<>();
    try {
      for (Object in : inputs) tensors.add(JavaArrays.toTensor(in));
      try (Result r = LayerTestKit.predict(layer, tensors.toArray(Tensor[]::new))) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) out.add(JavaArrays.toArray(r.get(i)));
        return out;
      }
    } finally {
      tensors.forEach(Tensor::close);
    }
  }

  static double sum(float[] v) {
    double s = 0;
    for (float f : v) s += f;
    return s;
  }
}

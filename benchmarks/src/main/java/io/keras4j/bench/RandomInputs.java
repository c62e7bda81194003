package io.keras4j.bench;

import io.keras4j.layers.TensorSpec;
import io.keras4j.models.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Random inputs for any model: uniform floats, small integer ids; unknown dimensions get 8. */
final class RandomInputs {

  private RandomInputs() {}

  static List<Tensor> of(Model model, int batch, long seed) {
    Random r = new Random(seed);
    List<Tensor> out = new ArrayList<>();
    for (TensorSpec spec : model.inputSpecs()) {
      long[] dims = spec.shape().asArray();
      dims[0] = batch;
      for (int i = 1; i < dims.length; i++) if (dims[i] < 0) dims[i] = 8;
      Shape shape = Shape.of(dims);
      int n = (int) shape.size();
      if (spec.dtype() == TInt32.class) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(2);
        out.add(TInt32.tensorOf(shape, DataBuffers.of(v)));
      } else {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextFloat();
        out.add(TFloat32.tensorOf(shape, DataBuffers.of(v)));
      }
    }
    return out;
  }
}

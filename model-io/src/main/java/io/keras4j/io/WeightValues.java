package io.keras4j.io;

import io.keras4j.internal.JavaArrays;
import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import org.tensorflow.Tensor;

/** Reads weight values out of a model for writing, as Java arrays (a boxed scalar for rank 0). */
@FunctionalInterface
public interface WeightValues {

  /** The weight's current value as a Java array of its shape, or a boxed number for a scalar. */
  Object read(Weight weight);

  /** The values held by a model's session. */
  static WeightValues of(Model model) {
    return w -> {
      try (Tensor t = model.readWeight(w)) {
        Object a = JavaArrays.toArray(t);
        if (w.shape().numDimensions() == 0) {
          return java.lang.reflect.Array.get(a, 0);
        }
        return a;
      }
    };
  }
}

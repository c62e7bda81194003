package io.keras4j.layers.reshaping;

import io.keras4j.layers.Layer;
import io.keras4j.layers.Shapes;
import org.tensorflow.ndarray.Shape;

/** The rank check of Keras' {@code InputSpec(ndim=...)}, with Keras' message. */
final class InputRank {

  private InputRank() {}

  static void check(Layer layer, Shape shape, int ndim) {
    if (shape.isUnknown() || shape.numDimensions() != ndim) {
      throw new IllegalArgumentException(
          "Input 0 of layer \""
              + layer.name()
              + "\" ("
              + layer.getClass().getSimpleName()
              + ") is incompatible with the layer: expected ndim="
              + ndim
              + ", found ndim="
              + (shape.isUnknown() ? "None" : shape.numDimensions())
              + ". Full shape received: "
              + (shape.isUnknown() ? "None" : Shapes.toKeras(shape)));
    }
  }
}

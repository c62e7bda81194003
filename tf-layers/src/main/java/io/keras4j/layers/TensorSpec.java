package io.keras4j.layers;

import java.util.Objects;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.family.TType;

/**
 * The static shape and dtype of a tensor; unknown dimensions (Keras' {@code None}) are {@link
 * Shape#UNKNOWN_SIZE}.
 */
public record TensorSpec(Shape shape, Class<? extends TType> dtype) {

  public TensorSpec {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(dtype, "dtype");
  }

  @Override
  public String toString() {
    return Shapes.toKeras(shape) + " " + DTypePolicy.kerasName(dtype);
  }
}

package io.keras4j.layers;

import java.util.Objects;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.family.TType;

/**
 * The static shape and dtype of a tensor; unknown dimensions (Keras' {@code None}) are {@link
 * Shape#UNKNOWN_SIZE}. Unlike {@link Shape#equals}, which never finds shapes with unknown
 * dimensions equal, two specs are equal when their dimensions are the same, unknown ones included.
 */
public record TensorSpec(Shape shape, Class<? extends TType> dtype) {

  public TensorSpec {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(dtype, "dtype");
  }

  /** Equal when the dtypes and every dimension (known or unknown) are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec t
        && dtype == t.dtype
        && java.util.Objects.equals(Shapes.dims(shape), Shapes.dims(t.shape));
  }

  @Override
  public int hashCode() {
    return 31 * dtype.hashCode() + Shapes.dims(shape).hashCode();
  }

  @Override
  public String toString() {
    return Shapes.toKeras(shape) + " " + DTypePolicy.kerasName(dtype);
  }
}

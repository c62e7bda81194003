package io.keras4j.initializers;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.ndarray.Shape;

/**
 * The number of input and output units of a weight shape, as Keras' {@code compute_fans}: a matrix
 * {@code (in, out)}; a convolution kernel {@code (..., in, out)} counts its receptive field in
 * both; a vector counts its length in both; a scalar counts 1. Explicit {@code input_axes} and
 * {@code output_axes}, when both are given, take the product of those dimensions instead.
 */
record Fans(long in, long out) {

  static Fans of(
      Shape shape, @Nullable List<Integer> inputAxes, @Nullable List<Integer> outputAxes) {
    int rank = shape.numDimensions();
    // Keras parity: the axes are used only when both lists are given.
    if (inputAxes != null && outputAxes != null) {
      return new Fans(product(shape, inputAxes), product(shape, outputAxes));
    }
    if (rank < 1) {
      return new Fans(1, 1);
    }
    if (rank == 1) {
      return new Fans(shape.get(0), shape.get(0));
    }
    if (rank == 2) {
      return new Fans(shape.get(0), shape.get(1));
    }
    long receptiveField = 1;
    for (int i = 0; i < rank - 2; i++) {
      receptiveField *= shape.get(i);
    }
    return new Fans(shape.get(rank - 2) * receptiveField, shape.get(rank - 1) * receptiveField);
  }

  private static long product(Shape shape, List<Integer> axes) {
    int rank = shape.numDimensions();
    long p = 1;
    for (int axis : axes) {
      int a = axis < 0 ? axis + rank : axis;
      if (a < 0 || a >= rank) {
        throw new IllegalArgumentException(
            "VarianceScaling: input_axes/output_axes entry "
                + axis
                + " is out of bounds for a weight of shape "
                + shape);
      }
      p *= shape.get(a);
    }
    return p;
  }
}

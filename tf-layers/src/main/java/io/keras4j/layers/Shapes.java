package io.keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.ndarray.Shape;

/** Conversions between TensorFlow {@link Shape}s and Keras shape tuples with {@code None}. */
public final class Shapes {

  private Shapes() {}

  /** A shape from Keras dimensions, {@code null} meaning unknown. */
  public static Shape of(List<@Nullable ? extends Number> dims) {
    long[] d = new long[dims.size()];
    for (int i = 0; i < d.length; i++) {
      Number n = dims.get(i);
      d[i] = n == null ? Shape.UNKNOWN_SIZE : n.longValue();
    }
    return Shape.of(d);
  }

  /** Keras dimensions of a shape, {@code null} for unknown ones. */
  public static List<@Nullable Long> dims(Shape shape) {
    if (shape.isUnknown()) {
      throw new IllegalArgumentException("A shape of unknown rank has no dimensions");
    }
    List<@Nullable Long> out = new ArrayList<>(shape.numDimensions());
    for (int i = 0; i < shape.numDimensions(); i++) {
      long d = shape.get(i);
      out.add(d == Shape.UNKNOWN_SIZE ? null : d);
    }
    return out;
  }

  /** Keras' printed form: {@code (None, 8)}. */
  public static String toKeras(Shape shape) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < shape.numDimensions(); i++) {
      if (i > 0) b.append(", ");
      long d = shape.get(i);
      b.append(d == Shape.UNKNOWN_SIZE ? "None" : Long.toString(d));
    }
    if (shape.numDimensions() == 1) b.append(',');
    return b.append(')').toString();
  }

  /** The shape with its first (batch) dimension replaced. */
  public static Shape withBatch(Shape shape, long batch) {
    long[] d = shape.asArray();
    d[0] = batch;
    return Shape.of(d);
  }

  /** Normalizes a possibly negative axis against {@code rank}, in Keras' words on failure. */
  public static int axis(int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(
          "axis " + axis + " is out of bounds for a tensor of rank " + rank);
    }
    return a;
  }
}

package io.keras4j.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.DoubleDataBuffer;
import org.tensorflow.ndarray.buffer.IntDataBuffer;
import org.tensorflow.ndarray.buffer.LongDataBuffer;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Converts between rectangular Java arrays of any rank ({@code float[][]}, {@code int[][][]}, ...)
 * and tensors, as Keras converts NumPy arrays.
 */
public final class JavaArrays {

  private JavaArrays() {}

  /**
   * A tensor holding a copy of a rectangular {@code float}, {@code double}, {@code int} or {@code
   * long} array of any rank.
   */
  public static Tensor toTensor(Object array) {
    if (array == null || !array.getClass().isArray()) {
      throw new IllegalArgumentException(
          "Expected a Java array, received " + (array == null ? "null" : array.getClass()));
    }
    List<Long> dims = new ArrayList<>();
    Class<?> c = array.getClass();
    Object a = array;
    while (c.isArray()) {
      int n = Array.getLength(a);
      dims.add((long) n);
      c = c.getComponentType();
      if (c.isArray()) {
        if (n == 0) {
          throw new IllegalArgumentException("Cannot infer the shape of an empty nested array");
        }
        a = Array.get(a, 0);
      }
    }
    Shape shape = Shape.of(dims.stream().mapToLong(Long::longValue).toArray());
    int size = Math.toIntExact(shape.size());
    if (c == float.class) {
      float[] flat = new float[size];
      fill(array, flat, 0, shape, 0);
      return TFloat32.tensorOf(shape, DataBuffers.of(flat, true, false));
    }
    if (c == double.class) {
      double[] flat = new double[size];
      fill(array, flat, 0, shape, 0);
      return TFloat64.tensorOf(shape, DataBuffers.of(flat, true, false));
    }
    if (c == int.class) {
      int[] flat = new int[size];
      fill(array, flat, 0, shape, 0);
      return TInt32.tensorOf(shape, DataBuffers.of(flat, true, false));
    }
    if (c == long.class) {
      long[] flat = new long[size];
      fill(array, flat, 0, shape, 0);
      return TInt64.tensorOf(shape, DataBuffers.of(flat, true, false));
    }
    throw new IllegalArgumentException("Unsupported array element type " + c);
  }

  /** Copies {@code array} (of the given shape) into {@code flat} from {@code offset}. */
  private static int fill(Object array, Object flat, int offset, Shape shape, int dim) {
    int n = Array.getLength(array);
    if (n != shape.get(dim)) {
      throw new IllegalArgumentException(
          "Array is not rectangular: dimension "
              + dim
              + " has lengths "
              + shape.get(dim)
              + " and "
              + n);
    }
    if (dim == shape.numDimensions() - 1) {
      System.arraycopy(array, 0, flat, offset, n);
      return offset + n;
    }
    for (int i = 0; i < n; i++) {
      offset = fill(Array.get(array, i), flat, offset, shape, dim + 1);
    }
    return offset;
  }

  /**
   * A nested Java array copy of a numeric tensor: {@code float[]...} for float32, {@code
   * double[]...} for float64, {@code int[]...} for int32, {@code long[]...} for int64. A scalar
   * becomes a one-element array.
   */
  public static Object toArray(Tensor t) {
    Shape shape = t.shape();
    int size = Math.toIntExact(shape.size());
    Object flat;
    Class<?> element;
    if (t instanceof TFloat32 f) {
      float[] a = new float[size];
      f.asRawTensor().data().asFloats().read(a);
      flat = a;
      element = float.class;
    } else if (t instanceof TFloat64 d) {
      double[] a = new double[size];
      DoubleDataBuffer b = d.asRawTensor().data().asDoubles();
      b.read(a);
      flat = a;
      element = double.class;
    } else if (t instanceof TInt32 i) {
      int[] a = new int[size];
      IntDataBuffer b = i.asRawTensor().data().asInts();
      b.read(a);
      flat = a;
      element = int.class;
    } else if (t instanceof TInt64 l) {
      long[] a = new long[size];
      LongDataBuffer b = l.asRawTensor().data().asLongs();
      b.read(a);
      flat = a;
      element = long.class;
    } else {
      throw new IllegalArgumentException("Unsupported tensor type " + t.getClass());
    }
    if (shape.numDimensions() <= 1) return flat;
    int[] dims = new int[shape.numDimensions()];
    for (int i = 0; i < dims.length; i++) dims[i] = Math.toIntExact(shape.get(i));
    Object out = Array.newInstance(element, dims);
    unflatten(flat, out, 0, dims, 0);
    return out;
  }

  /** A flat Java array copy of a numeric tensor ({@code float[]}, {@code int[]}, ...). */
  public static Object flat(Tensor t) {
    Shape shape = t.shape();
    int size = Math.toIntExact(shape.size());
    if (t instanceof TFloat32 f) {
      float[] a = new float[size];
      f.asRawTensor().data().asFloats().read(a);
      return a;
    }
    if (t instanceof TFloat64 d) {
      double[] a = new double[size];
      d.asRawTensor().data().asDoubles().read(a);
      return a;
    }
    if (t instanceof TInt32 i) {
      int[] a = new int[size];
      i.asRawTensor().data().asInts().read(a);
      return a;
    }
    if (t instanceof TInt64 l) {
      long[] a = new long[size];
      l.asRawTensor().data().asLongs().read(a);
      return a;
    }
    throw new IllegalArgumentException("Unsupported tensor type " + t.getClass());
  }

  /**
   * The values of a float32, float64, int32 or int64 tensor, flat and as doubles.
   *
   * @throws IllegalArgumentException for a tensor of another type
   */
  public static double[] doubles(Tensor t) {
    Object flat = flat(t);
    if (flat instanceof double[] d) return d;
    int n = Array.getLength(flat);
    double[] out = new double[n];
    if (flat instanceof float[] f) {
      for (int i = 0; i < n; i++) out[i] = f[i];
    } else if (flat instanceof int[] a) {
      for (int i = 0; i < n; i++) out[i] = a[i];
    } else {
      long[] a = (long[]) flat;
      for (int i = 0; i < n; i++) out[i] = a[i];
    }
    return out;
  }

  private static int unflatten(Object flat, Object out, int offset, int[] dims, int dim) {
    if (dim == dims.length - 1) {
      System.arraycopy(flat, offset, out, 0, dims[dim]);
      return offset + dims[dim];
    }
    for (int i = 0; i < dims[dim]; i++) {
      offset = unflatten(flat, Array.get(out, i), offset, dims, dim + 1);
    }
    return offset;
  }
}

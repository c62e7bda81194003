package io.keras4j.io.h5.hdf5;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The typed, shaped, row-major elements of a dataset or a numeric attribute.
 *
 * <p>An array comes from a rectangular Java array of any rank ({@code float[][]}, {@code
 * long[][][]}, ... as {@code io.keras4j.internal.JavaArrays.toArray} returns for a tensor), a boxed
 * scalar ({@code Float}, {@code Integer}, ...) for rank 0, or little-endian bytes in a {@link
 * ByteBuffer} with an explicit shape, which suits large weights. ({@code JavaArrays.toArray} turns
 * a scalar tensor into a one-element array, which this writes with shape {@code (1,)}: give a boxed
 * value, or a buffer with no dimensions, to write a scalar as Keras does.) Neither the Java array
 * nor the buffer is copied: their elements are read when the file is written, so they must not
 * change in between.
 *
 * <pre>{@code
 * Hdf5Array kernel = Hdf5Array.of(new float[][] {{1f, 2f}, {3f, 4f}});        // FLOAT32 (2, 2)
 * Hdf5Array step = Hdf5Array.of(7L);                                          // INT64 scalar
 * Hdf5Array pixels = Hdf5Array.of(Hdf5Type.UINT8, new byte[] {(byte) 255});  // UINT8 (1)
 * Hdf5Array big = Hdf5Array.of(Hdf5Type.FLOAT32, buffer, 1000, 1000);
 * }</pre>
 */
public final class Hdf5Array {

  /** The size of the buffer that converts Java arrays to the file's bytes. */
  private static final int CHUNK = 1 << 16;

  /** HDF5's limit on the rank of a dataspace ({@code H5S_MAX_RANK}). */
  private static final int MAX_RANK = 32;

  private final Hdf5Type type;
  private final long[] shape;
  private final long size;

  /**
   * Either a {@link ByteBuffer} of exactly the array's bytes, or a primitive array nested {@code
   * max(rank - 1, 0)} times (a one-element array for a scalar).
   */
  private final Object data;

  private Hdf5Array(Hdf5Type type, long[] shape, Object data) {
    if (shape.length > MAX_RANK) {
      throw new IllegalArgumentException(
          "Expected at most " + MAX_RANK + " dimensions, as HDF5 allows, received " + shape.length);
    }
    this.type = type;
    this.shape = shape;
    this.size = elementCount(shape);
    this.data = data;
  }

  /**
   * The elements of a rectangular primitive array of any rank, or of a boxed scalar, with the type
   * its Java type maps to: {@code boolean} to {@link Hdf5Type#BOOL}, {@code byte} to {@link
   * Hdf5Type#INT8}, {@code short} to {@link Hdf5Type#INT16}, {@code int} to {@link Hdf5Type#INT32},
   * {@code long} to {@link Hdf5Type#INT64}, {@code float} to {@link Hdf5Type#FLOAT32} and {@code
   * double} to {@link Hdf5Type#FLOAT64}.
   */
  public static Hdf5Array of(Object value) {
    Objects.requireNonNull(value, "value");
    Class<?> element = value.getClass();
    while (element.isArray()) {
      element = element.getComponentType();
    }
    Class<?> primitive = unboxed(element);
    if (primitive == null && !value.getClass().isArray()) {
      throw notAnArray(value);
    }
    return of(Hdf5Type.forJavaType(primitive == null ? element : primitive), value);
  }

  /**
   * The elements of a rectangular primitive array of any rank, or of a boxed scalar, as {@code
   * type}, whose {@link Hdf5Type#javaType()} the array's element type must be: a {@code byte[]} as
   * {@link Hdf5Type#UINT8}, for instance, or a {@code short[]} of half-precision bits as {@link
   * Hdf5Type#FLOAT16}.
   */
  public static Hdf5Array of(Hdf5Type type, Object value) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (value instanceof ByteBuffer) {
      throw new IllegalArgumentException(
          "A ByteBuffer has no shape: use Hdf5Array.of(type, buffer, shape...)");
    }
    Class<?> boxed = unboxed(value.getClass());
    if (boxed != null) {
      checkElementType(type, boxed, value);
      Object one = Array.newInstance(boxed, 1);
      Array.set(one, 0, value);
      return new Hdf5Array(type, new long[0], one);
    }
    if (!value.getClass().isArray()) {
      throw notAnArray(value);
    }
    int rank = 0;
    Class<?> element = value.getClass();
    while (element.isArray()) {
      rank++;
      element = element.getComponentType();
    }
    checkElementType(type, element, value);
    long[] shape = new long[rank];
    Object a = value;
    for (int d = 0; d < rank; d++) {
      shape[d] = Array.getLength(a);
      if (d < rank - 1) {
        if (shape[d] == 0) {
          throw new IllegalArgumentException(
              "Cannot infer the shape of an empty "
                  + value.getClass().getSimpleName()
                  + ": dimension "
                  + d
                  + " has length 0, so the lengths of the inner dimensions are unknown; give the"
                  + " shape with Hdf5Array.of(type, ByteBuffer.allocate(0), shape...)");
        }
        a = Array.get(a, 0);
        if (a == null) {
          throw new IllegalArgumentException(
              "Expected a rectangular array, received a null row in dimension " + (d + 1));
        }
      }
    }
    checkRectangular(value, shape, 0);
    return new Hdf5Array(type, shape, value);
  }

  /**
   * The elements in {@code data}, from its position to its limit, as little-endian {@code type}s in
   * row-major order: exactly {@code product(shape) * type.size()} bytes. The buffer's position,
   * limit and byte order are not changed; its content is not copied.
   */
  public static Hdf5Array of(Hdf5Type type, ByteBuffer data, long... shape) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    long[] dims = shape.clone();
    for (long d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "Expected dimensions of at least 0, received the shape " + Arrays.toString(dims));
      }
    }
    long bytes;
    try {
      bytes = Math.multiplyExact(elementCount(dims), type.size());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("The shape " + Arrays.toString(dims) + " is too large", e);
    }
    if (bytes != data.remaining()) {
      throw new IllegalArgumentException(
          "Expected "
              + bytes
              + " bytes for "
              + type
              + " elements of shape "
              + Arrays.toString(dims)
              + ", received a buffer with "
              + data.remaining()
              + " bytes remaining");
    }
    return new Hdf5Array(type, dims, data.slice());
  }

  public Hdf5Type type() {
    return type;
  }

  /** The length of each dimension; empty for a scalar. */
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public String toString() {
    return "Hdf5Array[" + type + " " + Arrays.toString(shape) + "]";
  }

  /** The number of bytes of the elements. */
  long byteSize() {
    return size * type.size();
  }

  /** Puts the elements at {@code target}'s position and advances it by {@link #byteSize()}. */
  void copyTo(ByteBuffer target) {
    int n = Math.toIntExact(byteSize());
    ByteBuffer region = target.slice(target.position(), n).order(ByteOrder.LITTLE_ENDIAN);
    try {
      encode(
          region,
          full -> {
            throw new IllegalStateException(this + " holds more than " + n + " bytes");
          });
    } catch (IOException e) {
      throw new AssertionError("An in-memory copy does no I/O", e);
    }
    target.position(target.position() + n);
  }

  /** Writes the elements at {@code position} of {@code channel}. */
  void writeTo(FileChannel channel, long position) throws IOException {
    if (data instanceof ByteBuffer bytes) {
      Hdf5Writer.writeFully(channel, bytes.duplicate(), position);
      return;
    }
    ByteBuffer buffer =
        ByteBuffer.allocate((int) Math.min(byteSize(), CHUNK)).order(ByteOrder.LITTLE_ENDIAN);
    long[] next = {position};
    Sink sink =
        full -> {
          full.flip();
          next[0] += Hdf5Writer.writeFully(channel, full, next[0]);
          full.clear();
        };
    encode(buffer, sink);
    sink.drain(buffer);
    if (next[0] != position + byteSize()) {
      throw new IllegalStateException(
          this + " wrote " + (next[0] - position) + " bytes instead of " + byteSize());
    }
  }

  /** Receives a full buffer, and empties it. */
  private interface Sink {
    void drain(ByteBuffer full) throws IOException;
  }

  private void encode(ByteBuffer buffer, Sink sink) throws IOException {
    if (data instanceof ByteBuffer bytes) {
      buffer.put(bytes.duplicate());
      return;
    }
    encodeRows(data, 0, buffer, sink);
  }

  private void encodeRows(Object array, int dim, ByteBuffer buffer, Sink sink) throws IOException {
    int n = Array.getLength(array);
    if (dim >= shape.length - 1) {
      long expected = shape.length == 0 ? 1 : shape[dim];
      if (n != expected) {
        throw new IllegalStateException(
            "A row of " + this + " changed length to " + n + " before it was written");
      }
      int i = 0;
      while (i < n) {
        if (buffer.remaining() < type.size()) {
          sink.drain(buffer);
        }
        i = put(array, i, buffer);
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      encodeRows(Array.get(array, i), dim + 1, buffer, sink);
    }
  }

  /** Puts as many elements of {@code row} from {@code from} as fit; returns the next index. */
  private int put(Object row, int from, ByteBuffer buffer) {
    int count = Math.min(Array.getLength(row) - from, buffer.remaining() / type.size());
    if (row instanceof float[] a) {
      buffer.asFloatBuffer().put(a, from, count);
    } else if (row instanceof double[] a) {
      buffer.asDoubleBuffer().put(a, from, count);
    } else if (row instanceof int[] a) {
      buffer.asIntBuffer().put(a, from, count);
    } else if (row instanceof long[] a) {
      buffer.asLongBuffer().put(a, from, count);
    } else if (row instanceof short[] a) {
      buffer.asShortBuffer().put(a, from, count);
    } else if (row instanceof byte[] a) {
      buffer.duplicate().put(a, from, count);
    } else if (row instanceof boolean[] a) {
      ByteBuffer view = buffer.duplicate();
      for (int i = from; i < from + count; i++) {
        view.put((byte) (a[i] ? 1 : 0));
      }
    } else {
      throw new IllegalStateException("Unexpected row type " + row.getClass().getName());
    }
    buffer.position(buffer.position() + count * type.size());
    return from + count;
  }

  private static void checkRectangular(Object array, long[] shape, int dim) {
    int n = Array.getLength(array);
    if (n != shape[dim]) {
      throw new IllegalArgumentException(
          "Expected a rectangular array, received dimension "
              + dim
              + " with lengths "
              + shape[dim]
              + " and "
              + n);
    }
    if (dim == shape.length - 1) {
      return;
    }
    for (int i = 0; i < n; i++) {
      Object row = Array.get(array, i);
      if (row == null) {
        throw new IllegalArgumentException(
            "Expected a rectangular array, received a null row in dimension " + (dim + 1));
      }
      checkRectangular(row, shape, dim + 1);
    }
  }

  private static IllegalArgumentException notAnArray(Object value) {
    return new IllegalArgumentException(
        "Expected a primitive Java array or a boxed number or boolean, received "
            + value.getClass().getName());
  }

  private static void checkElementType(Hdf5Type type, Class<?> element, Object value) {
    if (element != type.javaType()) {
      throw new IllegalArgumentException(
          "Expected "
              + type.javaType().getName()
              + " elements for "
              + type
              + ", received "
              + value.getClass().getSimpleName());
    }
  }

  /** The primitive type of a boxed scalar's class, or null if {@code c} is not one. */
  private static @Nullable Class<?> unboxed(Class<?> c) {
    if (c == Boolean.class) return boolean.class;
    if (c == Byte.class) return byte.class;
    if (c == Short.class) return short.class;
    if (c == Integer.class) return int.class;
    if (c == Long.class) return long.class;
    if (c == Float.class) return float.class;
    if (c == Double.class) return double.class;
    return null;
  }

  private static long elementCount(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }
}

package io.keras4j.io.h5.hdf5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The element types of datasets and numeric attributes, all little-endian, each encoded as h5py
 * encodes the NumPy dtype of the same name.
 *
 * <p>{@link #BOOL} is h5py's {@code numpy.bool_}: an enumeration over a signed 8-bit integer with
 * the members {@code FALSE = 0} and {@code TRUE = 1}. {@link #FLOAT16} has no Java array type and
 * is given as raw IEEE half-precision bits in a {@code short[]} or a {@link ByteBuffer}.
 */
public enum Hdf5Type {
  BOOL(1, boolean.class),
  INT8(1, byte.class),
  UINT8(1, byte.class),
  INT16(2, short.class),
  INT32(4, int.class),
  INT64(8, long.class),
  FLOAT16(2, short.class),
  FLOAT32(4, float.class),
  FLOAT64(8, double.class);

  private final int size;
  private final Class<?> javaType;

  Hdf5Type(int size, Class<?> javaType) {
    this.size = size;
    this.javaType = javaType;
  }

  /** The size of one element in bytes. */
  public int size() {
    return size;
  }

  /** The primitive type of the Java arrays that hold this type's elements. */
  public Class<?> javaType() {
    return javaType;
  }

  /** The type a Java array of {@code element}s is written as, for {@link Hdf5Array#of(Object)}. */
  static Hdf5Type forJavaType(Class<?> element) {
    if (element == boolean.class) return BOOL;
    if (element == byte.class) return INT8;
    if (element == short.class) return INT16;
    if (element == int.class) return INT32;
    if (element == long.class) return INT64;
    if (element == float.class) return FLOAT32;
    if (element == double.class) return FLOAT64;
    throw new IllegalArgumentException(
        "Expected an array of boolean, byte, short, int, long, float or double, received an array"
            + " of "
            + element.getName());
  }

  /** The body of this type's Datatype message (HDF5 spec IV.A.2.d, datatype version 1). */
  byte[] datatypeMessage() {
    return switch (this) {
      case BOOL -> bool();
      case INT8 -> fixedPoint(1, true);
      case UINT8 -> fixedPoint(1, false);
      case INT16 -> fixedPoint(2, true);
      case INT32 -> fixedPoint(4, true);
      case INT64 -> fixedPoint(8, true);
      case FLOAT16 -> floatingPoint(2, 10, 5, 10, 15);
      case FLOAT32 -> floatingPoint(4, 23, 8, 23, 127);
      case FLOAT64 -> floatingPoint(8, 52, 11, 52, 1023);
    };
  }

  /** Class 0: little-endian, zero padding, two's complement if signed, all bits used. */
  static byte[] fixedPoint(int size, boolean signed) {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x10); // class 0, version 1
    b.put((byte) (signed ? 0x08 : 0x00)).put((byte) 0).put((byte) 0);
    b.putInt(size);
    b.putShort((short) 0); // bit offset
    b.putShort((short) (8 * size)); // bit precision
    return b.array();
  }

  /**
   * Class 1: little-endian IEEE 754 with an implied leading mantissa bit, the sign in the top bit,
   * the exponent above the mantissa, and the mantissa at bit 0.
   */
  private static byte[] floatingPoint(
      int size, int exponentLocation, int exponentSize, int mantissaSize, int bias) {
    ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x11); // class 1, version 1
    b.put((byte) 0x20); // mantissa normalization: the most significant bit is implied
    b.put((byte) (8 * size - 1)); // sign location
    b.put((byte) 0);
    b.putInt(size);
    b.putShort((short) 0); // bit offset
    b.putShort((short) (8 * size)); // bit precision
    b.put((byte) exponentLocation).put((byte) exponentSize);
    b.put((byte) 0).put((byte) mantissaSize); // mantissa location and size
    b.putInt(bias);
    return b.array();
  }

  /**
   * Class 8, version 1 (names padded to 8 bytes), as h5py stores {@code numpy.bool_}: two members
   * over a signed 8-bit integer.
   */
  private static byte[] bool() {
    byte[] base = fixedPoint(1, true);
    ByteBuffer b = ByteBuffer.allocate(8 + base.length + 16 + 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x18); // class 8, version 1
    b.putShort((short) 2).put((byte) 0); // number of members
    b.putInt(1);
    b.put(base);
    b.put(padded("FALSE")).put(padded("TRUE"));
    b.put((byte) 0).put((byte) 1);
    return b.array();
  }

  private static byte[] padded(String name) {
    byte[] bytes = new byte[8]; // the name, its NUL terminator, and zeros up to 8 bytes
    byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(ascii, 0, bytes, 0, ascii.length);
    return bytes;
  }
}

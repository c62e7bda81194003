package io.keras4j.io.h5.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Hdf5ArrayTest {

  @Test
  void infersTheTypeFromTheJavaElementType() {
    assertEquals(Hdf5Type.BOOL, Hdf5Array.of(new boolean[1]).type());
    assertEquals(Hdf5Type.INT8, Hdf5Array.of(new byte[1]).type());
    assertEquals(Hdf5Type.INT16, Hdf5Array.of(new short[1]).type());
    assertEquals(Hdf5Type.INT32, Hdf5Array.of(new int[1][1]).type());
    assertEquals(Hdf5Type.INT64, Hdf5Array.of(new long[1]).type());
    assertEquals(Hdf5Type.FLOAT32, Hdf5Array.of(new float[1][1][1]).type());
    assertEquals(Hdf5Type.FLOAT64, Hdf5Array.of(new double[1]).type());
    assertEquals(Hdf5Type.FLOAT32, Hdf5Array.of(1f).type());
    assertEquals(Hdf5Type.INT64, Hdf5Array.of(1L).type());
    assertEquals(Hdf5Type.BOOL, Hdf5Array.of(Boolean.TRUE).type());
  }

  @Test
  void infersTheShapeOfAnyRank() {
    assertArrayEquals(new long[] {}, Hdf5Array.of(2.5).shape());
    assertArrayEquals(new long[] {0}, Hdf5Array.of(new float[0]).shape());
    assertArrayEquals(new long[] {2, 3}, Hdf5Array.of(new float[2][3]).shape());
    assertArrayEquals(new long[] {2, 0}, Hdf5Array.of(new int[2][0]).shape());
    assertArrayEquals(new long[] {1, 2, 3, 4, 5}, Hdf5Array.of(new double[1][2][3][4][5]).shape());
  }

  @Test
  void takesAnExplicitTypeOfTheSameJavaType() {
    assertEquals(Hdf5Type.UINT8, Hdf5Array.of(Hdf5Type.UINT8, new byte[3]).type());
    assertEquals(Hdf5Type.FLOAT16, Hdf5Array.of(Hdf5Type.FLOAT16, new short[3]).type());
    assertEquals(Hdf5Type.UINT8, Hdf5Array.of(Hdf5Type.UINT8, (byte) 1).type());

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Hdf5Array.of(Hdf5Type.INT64, new int[3]));
    assertEquals("Expected long elements for INT64, received int[]", e.getMessage());
  }

  @Test
  void refusesARaggedArray() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Hdf5Array.of(new float[][] {{1f, 2f}, {3f}}));
    assertEquals(
        "Expected a rectangular array, received dimension 1 with lengths 2 and 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Hdf5Array.of(new float[][] {{1f}, null}));
  }

  @Test
  void refusesAnEmptyArrayWhoseInnerLengthsAreUnknown() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Hdf5Array.of(new float[0][]));
    assertTrue(e.getMessage().contains("Hdf5Array.of(type, ByteBuffer.allocate(0), shape...)"));
  }

  @Test
  void refusesWhatIsNotAPrimitiveArrayOrBoxedScalar() {
    assertThrows(IllegalArgumentException.class, () -> Hdf5Array.of(new String[] {"a"}));
    assertThrows(IllegalArgumentException.class, () -> Hdf5Array.of(new Float[] {1f}));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Hdf5Array.of("a"));
    assertEquals(
        "Expected a primitive Java array or a boxed number or boolean, received java.lang.String",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Hdf5Array.of(ByteBuffer.allocate(4)));
  }

  @Test
  void takesABufferOfExactlyTheShapesBytesWithoutChangingIt() {
    ByteBuffer buffer = ByteBuffer.allocate(28).order(ByteOrder.BIG_ENDIAN).position(4);

    Hdf5Array array = Hdf5Array.of(Hdf5Type.FLOAT32, buffer, 2, 3);

    assertArrayEquals(new long[] {2, 3}, array.shape());
    assertEquals(4, buffer.position());
    assertEquals(ByteOrder.BIG_ENDIAN, buffer.order());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Hdf5Array.of(Hdf5Type.FLOAT64, buffer, 2, 3));
    assertEquals(
        "Expected 48 bytes for FLOAT64 elements of shape [2, 3], received a buffer with 24 bytes"
            + " remaining",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Hdf5Array.of(Hdf5Type.INT8, buffer, -1, -24));
  }

  @Test
  void refusesMoreDimensionsThanHdf5Allows() {
    long[] shape = new long[33];
    Arrays.fill(shape, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Hdf5Array.of(Hdf5Type.INT8, ByteBuffer.allocate(1), shape));
    assertEquals("Expected at most 32 dimensions, as HDF5 allows, received 33", e.getMessage());
  }

  @Test
  void shapeIsACopy() {
    Hdf5Array array = Hdf5Array.of(new int[2]);
    array.shape()[0] = 5;
    assertArrayEquals(new long[] {2}, array.shape());
  }
}

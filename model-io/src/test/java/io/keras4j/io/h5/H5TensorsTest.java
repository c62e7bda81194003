package io.keras4j.io.h5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.checksum.JenkinsLookup3HashLittle;
import io.jhdf.object.datatype.OrderedDataType;
import io.keras4j.io.ReadLimits;
import io.keras4j.io.h5.hdf5.Hdf5Array;
import io.keras4j.io.h5.hdf5.Hdf5Group;
import io.keras4j.io.h5.hdf5.Hdf5Type;
import io.keras4j.io.h5.hdf5.Hdf5Writer;
import io.keras4j.io.keras.KerasArchive;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * Datasets read into tensors: copied as stored when the types match, in either byte order, and
 * converted otherwise; every value compared with what jHDF's own reader gives.
 */
class H5TensorsTest {

  @TempDir Path dir;

  private static final double[] VALUES = {1.5, -2.25, 3e-5, 1e30, -0.0, 7, 1234567, -8};

  /** The four types a tensor can take as stored, and how a value is written and read back. */
  enum Stored {
    FLOAT32(Hdf5Type.FLOAT32, TFloat32.class),
    FLOAT64(Hdf5Type.FLOAT64, TFloat64.class),
    INT32(Hdf5Type.INT32, TInt32.class),
    INT64(Hdf5Type.INT64, TInt64.class);

    final Hdf5Type type;
    final Class<? extends TType> dtype;

    Stored(Hdf5Type type, Class<? extends TType> dtype) {
      this.type = type;
      this.dtype = dtype;
    }

    ByteBuffer bytes(ByteOrder order) {
      ByteBuffer b = ByteBuffer.allocate(VALUES.length * type.size()).order(order);
      for (double v : VALUES) {
        switch (this) {
          case FLOAT32 -> b.putFloat((float) v);
          case FLOAT64 -> b.putDouble(v);
          case INT32 -> b.putInt((int) v);
          case INT64 -> b.putLong((long) v * 1_000_000_007L);
        }
      }
      return b.flip();
    }

    /** The Datatype message's first bytes: class and version, bit field, and element size. */
    byte[] datatypePrefix() {
      int classAndVersion = type == Hdf5Type.INT32 || type == Hdf5Type.INT64 ? 0x10 : 0x11;
      int bits = classAndVersion == 0x10 ? 0x08 : 0x20; // signed / implied mantissa bit
      int bits1 = classAndVersion == 0x10 ? 0 : 8 * type.size() - 1; // float: sign location
      return new byte[] {
        (byte) classAndVersion, (byte) bits, (byte) bits1, 0, (byte) type.size(), 0, 0, 0
      };
    }
  }

  @Test
  void everyDatasetOfAKerasFileReadsAsJhdfReadsIt() throws Exception {
    Path keras = Path.of(KerasArchive.class.getResource("cnn_bn_adam.keras").toURI());
    List<Dataset> datasets = new ArrayList<>();
    try (KerasArchive archive = KerasArchive.open(keras, ReadLimits.DEFAULT);
        HdfFile h5 = archive.openWeights()) {
      collect(h5, datasets);
      assertEquals(8 + 14, datasets.size());
      for (Dataset ds : datasets) {
        Object flat = ds.getDataFlat();
        if (flat instanceof float[] f) {
          assertArrayEquals(f, floats(ds, TFloat32.class), ds.getPath());
          assertArrayEquals(H5Tensors.toDoubles(f), doubles(ds), ds.getPath());
        } else {
          int[] ints = (int[]) flat; // the optimizer's iteration count
          try (TInt32 t = (TInt32) H5Tensors.read(ds, TInt32.class)) {
            assertEquals(ints[0], t.getInt());
          }
          try (TInt64 t = (TInt64) H5Tensors.read(ds, TInt64.class)) {
            assertEquals(ints[0], t.getLong());
          }
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Stored.class)
  void littleEndianDatasetsAreRead(Stored stored) throws IOException {
    assertReads(stored, write(stored, ByteOrder.LITTLE_ENDIAN));
  }

  /**
   * Keras4J's writer writes little-endian only, as h5py does on every platform Keras runs on; the
   * big-endian file is its output with the datatype's byte-order bit set and the header's checksum
   * updated.
   */
  @ParameterizedTest
  @EnumSource(Stored.class)
  void bigEndianDatasetsAreRead(Stored stored) throws IOException {
    Path file = write(stored, ByteOrder.BIG_ENDIAN);
    byte[] bytes = Files.readAllBytes(file);
    int datatype = indexOf(bytes, stored.datatypePrefix(), 0);
    bytes[datatype + 1] |= 0x01; // byte order: big-endian
    updateChecksum(bytes, datatype);
    Files.write(file, bytes);
    try (HdfFile h5 = new HdfFile(file)) {
      OrderedDataType type = (OrderedDataType) h5.getDatasetByPath("x").getDataType();
      assertEquals(ByteOrder.BIG_ENDIAN, type.getByteOrder());
    }
    assertReads(stored, file);
  }

  @Test
  void otherWidthsAreConverted() throws IOException {
    Path file = write(Stored.FLOAT32, ByteOrder.LITTLE_ENDIAN);
    try (HdfFile h5 = new HdfFile(file)) {
      Dataset ds = h5.getDatasetByPath("x");
      float[] f = (float[]) ds.getDataFlat();
      assertArrayEquals(H5Tensors.toDoubles(f), doubles(ds));
      try (TInt64 t = (TInt64) H5Tensors.read(ds, TInt64.class)) {
        assertEquals(1234567L, t.getLong(1, 2));
      }
    }
    file = write(Stored.FLOAT64, ByteOrder.LITTLE_ENDIAN);
    try (HdfFile h5 = new HdfFile(file)) {
      Dataset ds = h5.getDatasetByPath("x");
      assertArrayEquals(H5Tensors.toFloats(ds.getDataFlat()), floats(ds, TFloat32.class));
    }
  }

  @Test
  void datasetsWithoutElementsAreRead() throws IOException {
    Hdf5Group root = new Hdf5Group();
    root.dataset("x", Hdf5Array.of(Hdf5Type.FLOAT32, ByteBuffer.allocate(0), 0, 3));
    Path file = dir.resolve("empty.h5");
    Hdf5Writer.write(file, root);
    try (HdfFile h5 = new HdfFile(file)) {
      Dataset ds = h5.getDatasetByPath("x");
      for (Class<? extends TType> dtype : List.of(TFloat32.class, TFloat64.class, TInt64.class)) {
        try (Tensor t = H5Tensors.read(ds, dtype)) {
          assertEquals(Shape.of(0, 3), t.shape());
          assertInstanceOf(dtype, t);
        }
      }
    }
  }

  private Path write(Stored stored, ByteOrder order) throws IOException {
    Hdf5Group root = new Hdf5Group();
    root.dataset("x", Hdf5Array.of(stored.type, stored.bytes(order), 2, VALUES.length / 2));
    Path file = dir.resolve(stored + "-" + order + ".h5");
    Hdf5Writer.write(file, root);
    return file;
  }

  private static void assertReads(Stored stored, Path file) {
    ByteBuffer expected = stored.bytes(ByteOrder.nativeOrder());
    try (HdfFile h5 = new HdfFile(file);
        Tensor t = H5Tensors.read(h5.getDatasetByPath("x"), stored.dtype)) {
      assertEquals(Shape.of(2, VALUES.length / 2), t.shape());
      byte[] actual = new byte[expected.remaining()];
      t.asRawTensor().data().read(actual);
      assertEquals(expected, ByteBuffer.wrap(actual));
    }
  }

  /** Recomputes the checksum of the version 2 object header that holds {@code offset}. */
  private static void updateChecksum(byte[] file, int offset) {
    byte[] signature = "OHDR".getBytes(StandardCharsets.US_ASCII);
    int start = -1;
    for (int i = indexOf(file, signature, 0);
        i >= 0 && i < offset;
        i = indexOf(file, signature, i + 1)) {
      start = i;
    }
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int flags = file[start + 5];
    int p = start + 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
    int width = 1 << (flags & 3);
    long chunk = 0;
    for (int i = width - 1; i >= 0; i--) chunk = (chunk << 8) | (file[p + i] & 0xFF);
    int checksum = Math.toIntExact(p + width + chunk);
    byte[] covered = new byte[checksum - start];
    System.arraycopy(file, start, covered, 0, covered.length);
    b.putInt(checksum, JenkinsLookup3HashLittle.hash(covered));
  }

  private static int indexOf(byte[] bytes, byte[] pattern, int from) {
    outer:
    for (int i = from; i + pattern.length <= bytes.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  private static void collect(Group g, List<Dataset> out) {
    for (Node n : g.getChildren().values()) {
      if (n instanceof Group child) collect(child, out);
      if (n instanceof Dataset ds) out.add(ds);
    }
  }

  private static float[] floats(Dataset ds, Class<? extends TType> dtype) {
    try (Tensor t = H5Tensors.read(ds, dtype)) {
      float[] out = new float[Math.toIntExact(t.shape().size())];
      assertInstanceOf(TFloat32.class, t).asRawTensor().data().asFloats().read(out);
      return out;
    }
  }

  private static double[] doubles(Dataset ds) {
    try (Tensor t = H5Tensors.read(ds, TFloat64.class)) {
      double[] out = new double[Math.toIntExact(t.shape().size())];
      t.asRawTensor().data().asDoubles().read(out);
      return out;
    }
  }
}

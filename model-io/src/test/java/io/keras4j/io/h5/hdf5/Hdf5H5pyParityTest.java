package io.keras4j.io.h5.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the tree of {@code h5py-reference.h5}, a file h5py wrote, and checks that jHDF sees the
 * same groups, children order, datasets, types, shapes, values and attributes in both.
 *
 * <p>The groups are created in name order because h5py stores a group holding a non-ASCII name with
 * link messages in creation order, which jHDF lists in file order, while h5py lists by name.
 *
 * <p>The reference file was written once with Debian's h5py 3.7.0 on HDF5 1.10.8 (default file
 * format: superblock 0, symbol-table groups) by this script:
 *
 * <pre>{@code
 * import h5py, numpy as np
 * s = h5py.string_dtype()
 * with h5py.File('h5py-reference.h5', 'w') as f:
 *     f.attrs['backend'] = 'tensorflow'
 *     f.attrs['keras_version'] = '3.11.3'
 *     f.attrs['model_config'] = '{"class_name": "Sequential", "name": "naïve ✓ 𝄞"}'
 *     w = f.create_group('model_weights')
 *     w.attrs['layer_names'] = np.array(['dense', 'flatten', 'ünï'], dtype=s)
 *     d = w.create_group('dense')
 *     d.attrs['weight_names'] = np.array(['dense/kernel:0', 'dense/bias:0'], dtype=s)
 *     w.create_group('flatten').attrs['weight_names'] = np.asarray([])
 *     w.create_group('ünï').attrs['weight_names'] = np.array(['', 'ünï/ω:0'], dtype=s)
 *     d.create_group('dense')
 *     d['dense/kernel:0'] = np.arange(6, dtype='<f4').reshape(2, 3) / 4
 *     d['dense/bias:0'] = np.array([0.5, -1, 2], '<f4')
 *     t = f.create_group('types')
 *     t['bool'] = np.array([[True, False], [False, True]])
 *     t['int8'] = np.array([-128, 0, 127], np.int8)
 *     t['uint8'] = np.array([0, 200, 255], np.uint8)
 *     t['int16'] = np.array([-32768, 0, 32767], np.int16)
 *     t['int32'] = np.array([[-2**31, 0, 2**31 - 1]], np.int32)
 *     t['int64'] = np.array([-2**63, 2**63 - 1], np.int64)
 *     t['float16'] = np.array([1, -2, 0.5], np.float16)
 *     t['float32'] = np.arange(24, dtype='<f4').reshape(2, 3, 4)
 *     t['float64'] = np.float64(0.25)
 *     t['empty'] = np.zeros((0, 3), np.float32)
 *     t['float32'].attrs['unit'] = 'm/s²'
 *     t['float32'].attrs['scale'] = np.float64(0.5)
 *     t.attrs['ints'] = np.array([1, 2, 3], np.int64)
 *     t.attrs['int32'] = np.int32(-5)
 *     t.attrs['flag'] = np.bool_(True)
 *     t.attrs['floats'] = np.array([[1.5, 2.5]], np.float32)
 *     f.create_group('empty')
 * }</pre>
 */
class Hdf5H5pyParityTest {

  @Test
  void jhdfSeesTheSameFileAsH5pyWrote(@TempDir Path dir) throws Exception {
    Path ours = dir.resolve("ours.h5");
    Hdf5Writer.write(ours, referenceTree());

    assertEquals(JhdfView.of(reference()), JhdfView.of(ours));
  }

  /** The script's tree, built in a different order: the file sorts children as h5py lists them. */
  static Hdf5Group referenceTree() {
    Hdf5Group root = new Hdf5Group();
    root.group("empty");
    Hdf5Group t = root.group("types");
    t.attribute("ints", new long[] {1, 2, 3});
    t.attribute("int32", -5);
    t.attribute("flag", true);
    t.attribute("floats", new float[][] {{1.5f, 2.5f}});
    t.dataset("bool", new boolean[][] {{true, false}, {false, true}});
    t.dataset("int8", new byte[] {-128, 0, 127});
    t.dataset("uint8", Hdf5Array.of(Hdf5Type.UINT8, new byte[] {0, (byte) 200, (byte) 255}));
    t.dataset("int16", new short[] {-32768, 0, 32767});
    t.dataset("int32", new int[][] {{Integer.MIN_VALUE, 0, Integer.MAX_VALUE}});
    t.dataset("int64", new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
    t.dataset(
        "float16", Hdf5Array.of(Hdf5Type.FLOAT16, new short[] {0x3C00, (short) 0xC000, 0x3800}));
    float[][][] f32 = new float[2][3][4];
    for (int i = 0; i < 24; i++) {
      f32[i / 12][i / 4 % 3][i % 4] = i;
    }
    t.dataset("float32", f32).attribute("unit", "m/s²").attribute("scale", 0.5);
    t.dataset("float64", 0.25);
    t.dataset("empty", Hdf5Array.of(Hdf5Type.FLOAT32, java.nio.ByteBuffer.allocate(0), 0, 3));
    Hdf5Group w = root.group("model_weights");
    w.attribute("layer_names", new String[] {"dense", "flatten", "ünï"});
    w.group("ünï").attribute("weight_names", new String[] {"", "ünï/ω:0"});
    w.group("flatten").attribute("weight_names", new double[0]);
    Hdf5Group d = w.group("dense");
    d.attribute("weight_names", new String[] {"dense/kernel:0", "dense/bias:0"});
    d.group("dense").dataset("kernel:0", new float[][] {{0f, 0.25f, 0.5f}, {0.75f, 1f, 1.25f}});
    d.group("dense").dataset("bias:0", new float[] {0.5f, -1f, 2f});
    root.attribute("model_config", "{\"class_name\": \"Sequential\", \"name\": \"naïve ✓ 𝄞\"}");
    root.attribute("keras_version", "3.11.3");
    root.attribute("backend", "tensorflow");
    return root;
  }

  static Path reference() throws URISyntaxException {
    return Path.of(Hdf5H5pyParityTest.class.getResource("h5py-reference.h5").toURI());
  }
}

package io.keras4j.io.h5;

import io.jhdf.api.Dataset;
import io.keras4j.layers.DTypePolicy;
import java.util.Arrays;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/** Reads HDF5 datasets into TensorFlow tensors of a requested dtype. */
public final class H5Tensors {

  private H5Tensors() {}

  /** The dataset's shape. */
  public static Shape shape(Dataset dataset) {
    return Shape.of(Arrays.stream(dataset.getDimensions()).asLongStream().toArray());
  }

  /**
   * Reads the dataset as a tensor of {@code dtype}, converting numbers where the file stores
   * another width (Keras 2 files may store float64 or int ids as floats). The caller closes it.
   */
  public static Tensor read(Dataset dataset, Class<? extends TType> dtype) {
    Shape shape = shape(dataset);
    Object flat = dataset.getDataFlat();
    if (dtype == TFloat32.class) {
      return TFloat32.tensorOf(shape, DataBuffers.of(toFloats(flat)));
    }
    if (dtype == TFloat64.class) {
      return TFloat64.tensorOf(shape, DataBuffers.of(toDoubles(flat)));
    }
    if (dtype == TInt32.class) {
      return TInt32.tensorOf(shape, DataBuffers.of(toInts(flat)));
    }
    if (dtype == TInt64.class) {
      return TInt64.tensorOf(shape, DataBuffers.of(toLongs(flat)));
    }
    if (dtype == TUint8.class) {
      int[] ints = toInts(flat);
      byte[] bytes = new byte[ints.length];
      for (int i = 0; i < ints.length; i++) bytes[i] = (byte) ints[i];
      return TUint8.tensorOf(shape, DataBuffers.of(bytes));
    }
    if (dtype == TBool.class) {
      int[] ints = toInts(flat);
      boolean[] b = new boolean[ints.length];
      for (int i = 0; i < ints.length; i++) b[i] = ints[i] != 0;
      return TBool.tensorOf(shape, DataBuffers.of(b, true, false));
    }
    throw new IllegalArgumentException(
        "Cannot read dataset " + dataset.getPath() + " as " + DTypePolicy.kerasName(dtype));
  }

  /** The dataset's values as floats, whatever numeric type the file stores. */
  public static float[] toFloats(Object flat) {
    if (flat instanceof float[] f) return f;
    if (flat instanceof double[] d) {
      float[] out = new float[d.length];
      for (int i = 0; i < d.length; i++) out[i] = (float) d[i];
      return out;
    }
    long[] l = toLongs(flat);
    float[] out = new float[l.length];
    for (int i = 0; i < l.length; i++) out[i] = l[i];
    return out;
  }

  public static double[] toDoubles(Object flat) {
    if (flat instanceof double[] d) return d;
    if (flat instanceof float[] f) {
      double[] out = new double[f.length];
      for (int i = 0; i < f.length; i++) out[i] = f[i];
      return out;
    }
    long[] l = toLongs(flat);
    double[] out = new double[l.length];
    for (int i = 0; i < l.length; i++) out[i] = l[i];
    return out;
  }

  public static int[] toInts(Object flat) {
    if (flat instanceof int[] i) return i;
    if (flat instanceof float[] f) {
      int[] out = new int[f.length];
      for (int i = 0; i < f.length; i++) out[i] = (int) f[i];
      return out;
    }
    if (flat instanceof double[] d) {
      int[] out = new int[d.length];
      for (int i = 0; i < d.length; i++) out[i] = (int) d[i];
      return out;
    }
    long[] l = toLongs(flat);
    int[] out = new int[l.length];
    for (int i = 0; i < l.length; i++) out[i] = (int) l[i];
    return out;
  }

  public static long[] toLongs(Object flat) {
    if (flat instanceof long[] l) return l;
    if (flat instanceof int[] a) return Arrays.stream(a).asLongStream().toArray();
    if (flat instanceof short[] s) {
      long[] out = new long[s.length];
      for (int i = 0; i < s.length; i++) out[i] = s[i];
      return out;
    }
    if (flat instanceof byte[] b) {
      long[] out = new long[b.length];
      for (int i = 0; i < b.length; i++) out[i] = b[i];
      return out;
    }
    if (flat instanceof float[] f) {
      long[] out = new long[f.length];
      for (int i = 0; i < f.length; i++) out[i] = (long) f[i];
      return out;
    }
    if (flat instanceof double[] d) {
      long[] out = new long[d.length];
      for (int i = 0; i < d.length; i++) out[i] = (long) d[i];
      return out;
    }
    if (flat instanceof boolean[] z) {
      long[] out = new long[z.length];
      for (int i = 0; i < z.length; i++) out[i] = z[i] ? 1 : 0;
      return out;
    }
    throw new IllegalArgumentException("Unsupported HDF5 data of type " + flat.getClass());
  }
}

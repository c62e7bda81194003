package io.keras4j.io.h5;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OrderedDataType;
import io.keras4j.layers.DTypePolicy;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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

  private static final Set<Class<? extends TType>> READABLE =
      Set.of(TFloat32.class, TFloat64.class, TInt32.class, TInt64.class, TUint8.class, TBool.class);

  private H5Tensors() {}

  /** The dataset's shape. */
  public static Shape shape(Dataset dataset) {
    return Shape.of(Arrays.stream(dataset.getDimensions()).asLongStream().toArray());
  }

  /**
   * Reads the dataset as a tensor of {@code dtype}, converting numbers where the file stores
   * another width (Keras 2 files may store float64 or int ids as floats). The caller closes it.
   *
   * <p>A contiguous dataset stored exactly as {@code dtype} (float32, float64, int32 or int64 of
   * either byte order), as Keras 3 writes its weights, is copied once from the file, or from the
   * mapped archive, into the tensor's memory; other datasets pass through a Java array.
   */
  public static Tensor read(Dataset dataset, Class<? extends TType> dtype) {
    Shape shape = shape(dataset);
    if (dataset.getSize() == 0 && shape.size() == 0 && READABLE.contains(dtype)) {
      return Tensor.of(dtype, shape); // jHDF gives no typed array for a dataset without elements
    }
    Tensor copied = copyStored(dataset, dtype, shape);
    if (copied != null) {
      return copied;
    }
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

  /**
   * The dataset's bytes copied into a new tensor when they need no conversion: a contiguous dataset
   * (which has no filters) whose type is exactly {@code dtype}. Null otherwise.
   */
  private static @Nullable Tensor copyStored(
      Dataset dataset, Class<? extends TType> dtype, Shape shape) {
    if (!(dataset instanceof ContiguousDataset contiguous)
        || !storedAs(dataset.getDataType(), dtype)
        || dataset.getSize() != shape.size()) {
      return null;
    }
    if (contiguous.isEmpty()) {
      return null; // no storage allocated
    }
    long n = shape.size();
    // A view of the file's bytes (a mapping), not a copy.
    ByteBuffer bytes =
        contiguous.getBuffer().order(((OrderedDataType) dataset.getDataType()).getByteOrder());
    if (dtype == TFloat32.class) {
      TFloat32 t = TFloat32.tensorOf(shape);
      DataBuffers.of(bytes.asFloatBuffer()).copyTo(t.asRawTensor().data().asFloats(), n);
      return t;
    }
    if (dtype == TFloat64.class) {
      TFloat64 t = TFloat64.tensorOf(shape);
      DataBuffers.of(bytes.asDoubleBuffer()).copyTo(t.asRawTensor().data().asDoubles(), n);
      return t;
    }
    if (dtype == TInt32.class) {
      TInt32 t = TInt32.tensorOf(shape);
      DataBuffers.of(bytes.asIntBuffer()).copyTo(t.asRawTensor().data().asInts(), n);
      return t;
    }
    TInt64 t = TInt64.tensorOf(shape);
    DataBuffers.of(bytes.asLongBuffer()).copyTo(t.asRawTensor().data().asLongs(), n);
    return t;
  }

  /** Whether HDF5 {@code type} holds exactly the values of {@code dtype}, bit for bit. */
  private static boolean storedAs(DataType type, Class<? extends TType> dtype) {
    int size = type.getSize();
    if (type.getClass() == FloatingPoint.class) {
      return (dtype == TFloat32.class && size == 4) || (dtype == TFloat64.class && size == 8);
    }
    if (type.getClass() == FixedPoint.class && ((FixedPoint) type).isSigned()) {
      return (dtype == TInt32.class && size == 4) || (dtype == TInt64.class && size == 8);
    }
    return false;
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

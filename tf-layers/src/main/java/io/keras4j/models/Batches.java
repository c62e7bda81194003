package io.keras4j.models;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.ByteDataBuffer;
import org.tensorflow.types.family.TType;

/** Cuts batches out of whole-dataset tensors by copying rows. */
final class Batches {

  private Batches() {}

  /** The number of samples (the first dimension) shared by all tensors. */
  static long samples(List<? extends Tensor> tensors, String what) {
    long n = -1;
    for (Tensor t : tensors) {
      if (t.shape().numDimensions() == 0) {
        throw new IllegalArgumentException(what + " must have a batch dimension, found a scalar");
      }
      long m = t.shape().get(0);
      if (n >= 0 && m != n) {
        throw new IllegalArgumentException(
            what + " hold different numbers of samples: " + n + " and " + m);
      }
      n = m;
    }
    return n;
  }

  /** A new tensor holding the given rows of {@code t}, in that order. */
  static Tensor rows(Tensor t, int[] rows) {
    Shape shape = t.shape();
    long n = shape.get(0);
    long rowBytes = n == 0 ? 0 : t.numBytes() / n;
    long[] dims = shape.asArray();
    dims[0] = rows.length;
    @SuppressWarnings("unchecked")
    Class<? extends TType> type = typeOf(t);
    ByteDataBuffer src = t.asRawTensor().data();
    return Tensor.of(
        type,
        Shape.of(dims),
        rows.length * rowBytes,
        dst -> {
          ByteDataBuffer out = dst.asRawTensor().data();
          for (int i = 0; i < rows.length; i++) {
            src.slice(rows[i] * rowBytes, rowBytes)
                .copyTo(out.slice(i * rowBytes, rowBytes), rowBytes);
          }
        });
  }

  /** Rows {@code [from, to)} of every tensor. */
  static List<Tensor> range(List<? extends Tensor> tensors, int from, int to) {
    int[] rows = new int[to - from];
    for (int i = 0; i < rows.length; i++) rows[i] = from + i;
    return select(tensors, rows);
  }

  static List<Tensor> select(List<? extends Tensor> tensors, int[] rows) {
    List<Tensor> out = new ArrayList<>(tensors.size());
    try {
      for (Tensor t : tensors) out.add(rows(t, rows));
      return out;
    } catch (RuntimeException e) {
      out.forEach(Tensor::close);
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  static Class<? extends TType> typeOf(Tensor t) {
    for (Class<?> c : t.getClass().getInterfaces()) {
      if (TType.class.isAssignableFrom(c)) return (Class<? extends TType>) c;
    }
    throw new IllegalArgumentException("Unknown tensor type " + t.getClass());
  }
}

package io.keras4j.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/** Runs a constraint eagerly on given values and reads the projected weight back. */
final class Projection {

  private Projection() {}

  static double[] of(Constraint c, Shape shape, Class<? extends TFloating> dtype, double... w) {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TFloat64> input = tf.constant(shape, DataBuffers.of(w, true, false));
      Operand<? extends TFloating> p = c.call(tf, tf.dtypes.cast(input, dtype));
      assertEquals(dtype, p.type(), "dtype of " + c);
      assertEquals(shape, p.shape(), "shape of " + c);
      TFloat64 t = tf.dtypes.cast(p, TFloat64.class).asTensor();
      double[] out = new double[(int) t.size()];
      t.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  /** The L2 norms of the columns of a {@code rows x cols} row-major matrix. */
  static double[] columnNorms(double[] w, int rows, int cols) {
    double[] n = new double[cols];
    for (int j = 0; j < cols; j++) {
      double s = 0;
      for (int i = 0; i < rows; i++) {
        s += w[i * cols + j] * w[i * cols + j];
      }
      n[j] = Math.sqrt(s);
    }
    return n;
  }

  /** The L2 norms of the rows of a {@code rows x cols} row-major matrix. */
  static double[] rowNorms(double[] w, int rows, int cols) {
    double[] n = new double[rows];
    for (int i = 0; i < rows; i++) {
      double s = 0;
      for (int j = 0; j < cols; j++) {
        s += w[i * cols + j] * w[i * cols + j];
      }
      n[i] = Math.sqrt(s);
    }
    return n;
  }
}

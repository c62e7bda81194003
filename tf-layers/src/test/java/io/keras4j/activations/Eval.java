package io.keras4j.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/** Runs an activation eagerly on given values and reads the result back as doubles. */
final class Eval {

  private Eval() {}

  /** {@code a(x)} for a tensor of {@code shape} holding {@code x} (row-major) in {@code dtype}. */
  static double[] apply(Activation a, Shape shape, Class<? extends TFloating> dtype, double... x) {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TFloat64> input = tf.constant(shape, DataBuffers.of(x, true, false));
      Operand<? extends TFloating> y = a.call(tf, tf.dtypes.cast(input, dtype));
      assertEquals(dtype, y.type(), "dtype of " + a);
      TFloat64 t = tf.dtypes.cast(y, TFloat64.class).asTensor();
      double[] out = new double[(int) t.size()];
      t.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  /** {@code a(x)} for a float64 vector. */
  static double[] apply64(Activation a, double... x) {
    return apply(a, Shape.of(x.length), TFloat64.class, x);
  }

  /** {@code a(x)} for a float32 vector. */
  static double[] apply32(Activation a, double... x) {
    return apply(a, Shape.of(x.length), TFloat32.class, x);
  }

  /** {@code -7, -6.75, ..., 7}: both sides of every kink of the built-in activations. */
  static double[] grid() {
    double[] x = new double[57];
    for (int i = 0; i < x.length; i++) {
      x[i] = -7 + 0.25 * i;
    }
    return x;
  }
}

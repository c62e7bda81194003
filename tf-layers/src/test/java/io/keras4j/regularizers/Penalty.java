package io.keras4j.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/** Runs a regularizer eagerly on given values and reads its scalar penalty back. */
final class Penalty {

  private Penalty() {}

  static double of(Regularizer r, Shape shape, Class<? extends TFloating> dtype, double... x) {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TFloat64> input = tf.constant(shape, DataBuffers.of(x, true, false));
      Operand<? extends TFloating> p = r.call(tf, tf.dtypes.cast(input, dtype));
      assertEquals(dtype, p.type(), "dtype of the penalty of " + r);
      assertEquals(0, p.shape().numDimensions(), "rank of the penalty of " + r);
      return tf.dtypes.cast(p, TFloat64.class).asTensor().getDouble();
    }
  }
}

package io.keras4j.regularizers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * A penalty on a weight that training adds to the loss, as Keras' {@code
 * keras.regularizers.Regularizer}.
 */
public interface Regularizer {

  /** Returns the scalar penalty for {@code x}. */
  <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x);
}

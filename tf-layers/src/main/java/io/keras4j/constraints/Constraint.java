package io.keras4j.constraints;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * A projection applied to a weight after each optimizer update, as Keras' {@code
 * keras.constraints.Constraint}.
 */
public interface Constraint {

  /** Returns the projected value of {@code w}. */
  <T extends TNumber> Operand<T> call(Ops tf, Operand<T> w);
}

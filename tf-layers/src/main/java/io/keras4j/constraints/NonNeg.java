package io.keras4j.constraints;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * Sets negative weights to zero: {@code max(w, 0)}, Keras' {@code keras.constraints.NonNeg}.
 *
 * <pre>{@code
 * Operand<TFloat32> projected = new NonNeg().call(tf, kernel);
 * }</pre>
 */
public record NonNeg() implements Constraint {

  @Override
  public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> w) {
    return tf.math.maximum(w, tf.constantOfSameType(w, 0));
  }
}

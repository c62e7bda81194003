package io.keras4j.regularizers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/** The sums the regularizers are made of, and Keras' check of their factors. */
final class Penalties {

  private Penalties() {}

  /** {@code sum(|x|)} over every axis. */
  static <T extends TNumber> Operand<T> sumOfAbs(Ops tf, Operand<T> x) {
    return sumAll(tf, tf.math.abs(x));
  }

  /** {@code sum(x²)} over every axis. */
  static <T extends TNumber> Operand<T> sumOfSquares(Ops tf, Operand<T> x) {
    return sumAll(tf, tf.math.square(x));
  }

  private static <T extends TNumber> Operand<T> sumAll(Ops tf, Operand<T> x) {
    return tf.sum(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
  }

  /**
   * Keras' {@code validate_float_arg}: a factor must be a finite, non-negative number.
   *
   * @return the factor
   */
  static double factor(String regularizer, String key, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          regularizer
              + ": invalid value for argument "
              + key
              + ": expected a non-negative float. Received: "
              + key
              + "="
              + value);
    }
    return value;
  }
}

package io.keras4j.constraints;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.family.TNumber;

/** The norms the norm constraints rescale by, computed as Keras computes them. */
final class Norms {

  /** Keras' {@code backend.epsilon()}, added to the norm before dividing by it. */
  static final double EPSILON = 1e-7;

  private Norms() {}

  /** {@code sqrt(sum(w², axis, keepdims=True))}. */
  static <T extends TNumber> Operand<T> of(Ops tf, Operand<T> w, List<Integer> axis) {
    int[] axes = axis.stream().mapToInt(Integer::intValue).toArray();
    return tf.math.sqrt(tf.sum(tf.math.square(w), tf.constant(axes), Sum.keepDims(true)));
  }

  /** {@code w * (desired / (epsilon + norms))}. */
  static <T extends TNumber> Operand<T> rescale(
      Ops tf, Operand<T> w, Operand<T> desired, Operand<T> norms) {
    return tf.math.mul(
        w, tf.math.div(desired, tf.math.add(tf.constantOfSameType(w, EPSILON), norms)));
  }

  /** An axis list for a config: Keras' {@code axis} is an integer or a list of integers. */
  static List<Integer> axis(String constraint, List<Integer> axis) {
    if (axis.isEmpty()) {
      throw new IllegalArgumentException(
          constraint + ": `axis` must be an integer or a non-empty list of integers, received []");
    }
    return List.copyOf(axis);
  }
}

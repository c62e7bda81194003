package io.keras4j.losses;

import io.keras4j.losses.Reduction.SameRank;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/** The preparation Keras gives targets and predictions before a loss function sees them. */
final class Targets {

  private Targets() {}

  /**
   * Keras' {@code Loss.__call__} and {@code LossFunctionWrapper.call}: targets cast to the dtype of
   * the predictions, then ranks matched by {@link Reduction#squeezeOrExpandToSameRank}.
   */
  static <T extends TFloating> SameRank<T, T> align(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    return Reduction.squeezeOrExpandToSameRank(tf, tf.dtypes.cast(yTrue, yPred.type()), yPred);
  }

  /** {@code axis} as a non-negative index into {@code x}'s static rank. */
  static int axis(Operand<?> x, int axis, String loss) {
    if (x.shape().isUnknown()) {
      throw new IllegalArgumentException(
          loss + " needs predictions of known rank to use axis=" + axis);
    }
    int rank = x.shape().numDimensions();
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(
          loss + ": axis " + axis + " is out of bounds for predictions of rank " + rank);
    }
    return a;
  }

  /** The size of dimension {@code axis} of {@code x}: static when known, else from its shape. */
  static Operand<TInt32> dim(Ops tf, Operand<?> x, int axis) {
    long d = x.shape().get(axis);
    if (d >= 0) {
      return tf.constant((int) d);
    }
    return tf.gather(tf.shape(x), tf.constant(axis), tf.constant(0));
  }

  /**
   * {@code maximum(1 - y_true * y_pred, 0)}, after Keras' {@code convert_binary_labels_to_hinge}:
   * when every target is 0 or 1, targets become {@code 2 y_true - 1}.
   */
  static <T extends TFloating> Operand<T> hingeMargin(Ops tf, Operand<T> yTrue, Operand<T> yPred) {
    Operand<T> zero = tf.constant(yPred.type(), 0);
    Operand<T> one = tf.constant(yPred.type(), 1);
    Operand<TBool> zeroOrOne =
        tf.math.logicalOr(tf.math.equal(yTrue, zero), tf.math.equal(yTrue, one));
    Operand<TBool> binary = tf.all(zeroOrOne, Reduction.allAxes(tf, zeroOrOne));
    // A select on the scalar, not Keras' cond: no control flow on a differentiated path.
    Operand<T> signs =
        tf.select(
            binary, tf.math.sub(tf.math.mul(tf.constant(yPred.type(), 2), yTrue), one), yTrue);
    return tf.math.maximum(tf.math.sub(one, tf.math.mul(signs, yPred)), zero);
  }

  /** {@code -1} as the TensorFlow axis operand. */
  static Operand<TInt32> last(Ops tf) {
    return tf.constant(-1);
  }
}

package io.keras4j.losses;

import org.jspecify.annotations.Nullable;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.OneHot;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TNumber;

/**
 * Keras' backend cross-entropies ({@code keras.ops.binary_crossentropy}, {@code
 * categorical_crossentropy}, {@code sparse_categorical_crossentropy}), written with ops that have
 * registered gradients.
 *
 * <p>Keras parity: probabilities computed by a {@code Softmax} (over the loss' last axis) or {@code
 * Sigmoid} op are traced back to their logits and the loss is computed from those, as Keras'
 * TensorFlow backend does ({@code _keras_logits}): the result is the same up to rounding and the
 * clipping of probabilities within {@code 1e-7} of 0 or 1, and the graph is shorter and faster.
 * Otherwise these follow Keras' torch backend, which made the reference fixtures, where the
 * backends differ: sparse cross-entropy on probabilities renormalizes them before clipping
 * (TensorFlow's clips without renormalizing, then lets the softmax renormalize).
 */
final class Crossentropy {

  private Crossentropy() {}

  /**
   * Element-wise binary cross-entropy. From logits {@code x}: TensorFlow's {@code
   * sigmoid_cross_entropy_with_logits}, {@code max(x, 0) - x z + log(1 + exp(-|x|))}; from
   * probabilities: {@code -(z log(p) + (1 - z) log(1 - p))} with {@code p} clipped to {@code [eps,
   * 1 - eps]}.
   */
  static <T extends TFloating> Operand<T> binary(
      Ops tf, Operand<T> target, Operand<T> output, boolean fromLogits) {
    Operand<T> logits = fromLogits ? null : logitsOf(output, "Sigmoid");
    if (logits != null) {
      output = logits;
      fromLogits = true;
    }
    if (fromLogits) {
      // The selects (not abs and max) give the gradient sigmoid(x) - z at x = 0 as well.
      Operand<TBool> positive = tf.math.greaterEqual(output, tf.zerosLike(output));
      Operand<T> relu = tf.select(positive, output, tf.zerosLike(output));
      Operand<T> negAbs = tf.select(positive, tf.math.neg(output), output);
      return tf.math.add(
          tf.math.sub(relu, tf.math.mul(output, target)), tf.math.log1p(tf.math.exp(negAbs)));
    }
    Operand<T> p = clip(tf, output);
    Operand<T> one = tf.constant(output.type(), 1);
    Operand<T> bce =
        tf.math.add(
            tf.math.mul(target, tf.math.log(p)),
            tf.math.mul(tf.math.sub(one, target), tf.math.log(tf.math.sub(one, p))));
    return tf.math.neg(bce);
  }

  /**
   * Categorical cross-entropy over {@code axis}: {@code -sum(target * log_softmax(logits))} from
   * logits; from probabilities, {@code -sum(target * log(p))} with {@code p} renormalized to sum to
   * one over {@code axis}, then clipped to {@code [eps, 1 - eps]}.
   */
  static <T extends TFloating> Operand<T> categorical(
      Ops tf, Operand<T> target, Operand<T> output, boolean fromLogits, int axis) {
    Operand<T> logProb = logProbabilities(tf, output, fromLogits, axis);
    return tf.math.neg(tf.sum(tf.math.mul(target, logProb), tf.constant(axis)));
  }

  /**
   * Sparse categorical cross-entropy: {@link #categorical} with the one-hot encoding of integer
   * {@code target} (whose rank is one less than {@code output}'s), along {@code axis}.
   */
  static <T extends TFloating> Operand<T> sparse(
      Ops tf, Operand<? extends TNumber> target, Operand<T> output, boolean fromLogits, int axis) {
    int a = Targets.axis(output, axis, "sparse_categorical_crossentropy");
    Operand<T> logProb = logProbabilities(tf, output, fromLogits, a);
    // Keras parity: float labels are truncated to integers, as torch's .long() does.
    Operand<TInt64> ids = tf.dtypes.cast(target, TInt64.class);
    Operand<T> oneHot =
        tf.oneHot(
            ids,
            Targets.dim(tf, output, a),
            tf.constant(output.type(), 1),
            tf.constant(output.type(), 0),
            OneHot.axis((long) a));
    return tf.math.neg(tf.sum(tf.math.mul(oneHot, logProb), tf.constant(a)));
  }

  /** Log-probabilities over {@code axis}, from logits or from (unnormalized) probabilities. */
  private static <T extends TFloating> Operand<T> logProbabilities(
      Ops tf, Operand<T> output, boolean fromLogits, int axis) {
    if (fromLogits) {
      return logSoftmax(tf, output, axis);
    }
    Operand<T> logits = isLastAxis(output, axis) ? logitsOf(output, "Softmax") : null;
    if (logits != null) {
      return logSoftmax(tf, logits, -1);
    }
    Operand<T> normalized =
        tf.math.div(output, tf.sum(output, tf.constant(axis), Sum.keepDims(true)));
    return tf.math.log(clip(tf, normalized));
  }

  /**
   * The input of the {@code opType} op (Keras' {@code _keras_logits}) that computed {@code output}
   * in a graph, or {@code null}.
   */
  private static <T extends TFloating> @Nullable Operand<T> logitsOf(
      Operand<T> output, String opType) {
    if (!(output.op() instanceof GraphOperation op)
        || !op.type().equals(opType)
        || op.numOutputs() != 1) {
      return null;
    }
    Operand<?> in = op.input(0);
    @SuppressWarnings("unchecked")
    Operand<T> logits = in.type() == output.type() ? (Operand<T>) in : null;
    return logits;
  }

  private static boolean isLastAxis(Operand<?> x, int axis) {
    return axis == -1 || (!x.shape().isUnknown() && axis == x.shape().numDimensions() - 1);
  }

  /** {@code log_softmax} over {@code axis}: TensorFlow's fused op on the last axis. */
  static <T extends TFloating> Operand<T> logSoftmax(Ops tf, Operand<T> x, int axis) {
    if (isLastAxis(x, axis)) {
      return tf.nn.logSoftmax(x);
    }
    Operand<TInt32> ax = tf.constant(axis);
    Operand<T> shifted = tf.math.sub(x, tf.max(x, ax, Max.keepDims(true)));
    Operand<T> logSum = tf.math.log(tf.sum(tf.math.exp(shifted), ax, Sum.keepDims(true)));
    return tf.math.sub(shifted, logSum);
  }

  /** {@code softmax} over {@code axis}: TensorFlow's fused op on the last axis. */
  static <T extends TFloating> Operand<T> softmax(Ops tf, Operand<T> x, int axis) {
    return isLastAxis(x, axis) ? tf.nn.softmax(x) : tf.math.exp(logSoftmax(tf, x, axis));
  }

  /** Keras' clip of probabilities to {@code [eps, 1 - eps]} with {@code eps = 1e-7}. */
  static <T extends TFloating> Operand<T> clip(Ops tf, Operand<T> p) {
    return tf.clipByValue(
        p, tf.constant(p.type(), Losses.EPSILON), tf.constant(p.type(), 1.0 - Losses.EPSILON));
  }
}

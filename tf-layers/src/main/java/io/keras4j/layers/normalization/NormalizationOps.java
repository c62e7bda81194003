package io.keras4j.layers.normalization;

import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/** The ops the normalization layers share: statistics over axes, upcasting, scalars. */
final class NormalizationOps {

  private NormalizationOps() {}

  /** Mean and variance of a tensor over some axes. */
  record Moments<T extends TFloating>(Operand<T> mean, Operand<T> variance) {}

  /**
   * {@code x} in at least float32, as Keras' {@code result_type(x.dtype, "float32")}:
   * half-precision statistics overflow, so the normalization layers compute in float32 and cast
   * back.
   */
  static <T extends TFloating> Operand<T> atLeastFloat32(Ops tf, Operand<?> input) {
    Operand<T> x = Tensors.floating(input);
    if (x.type() == TFloat16.class || x.type() == TBfloat16.class) {
      return Tensors.floating(tf.dtypes.cast(x, TFloat32.class));
    }
    return x;
  }

  /** {@code x} cast to {@code type} unless it already has it. */
  static <T extends TFloating> Operand<T> castTo(Ops tf, Operand<?> x, Class<T> type) {
    return x.type() == type ? Tensors.as(x, type) : tf.dtypes.cast(x, type);
  }

  /** The floating dtype a layer's outputs are cast to: its policy's compute dtype. */
  static Class<? extends TFloating> floatingType(DTypePolicy policy) {
    Class<? extends TType> type = policy.computeDtype();
    if (!TFloating.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "A normalization layer computes in a floating dtype, received dtype policy "
              + policy.name());
    }
    return type.asSubclass(TFloating.class);
  }

  /** A weight's value in the computation's dtype. */
  static <T extends TFloating> Operand<T> read(Ops tf, Weight weight, Class<T> type) {
    return castTo(tf, weight.read(tf), type);
  }

  /** A scalar constant of a floating dtype. */
  static <T extends TFloating> Operand<T> scalar(Ops tf, double value, Class<T> type) {
    if (type == TFloat64.class) {
      return Tensors.as(tf.constant(value), type);
    }
    if (type == TFloat32.class) {
      return Tensors.as(tf.constant((float) value), type);
    }
    return tf.dtypes.cast(tf.constant((float) value), type);
  }

  /**
   * Mean and variance over {@code axes}, as TensorFlow's {@code tf.nn.moments} (Keras' {@code
   * ops.moments} on the TensorFlow backend): the variance is the mean squared difference from a
   * mean whose gradient is stopped.
   */
  static <T extends TFloating> Moments<T> moments(
      Ops tf, Operand<T> x, int[] axes, boolean keepDims) {
    Operand<TInt32> ax = tf.constant(axes);
    Operand<T> mean = tf.math.mean(x, ax, Mean.keepDims(true));
    Operand<T> variance =
        tf.math.mean(tf.math.squaredDifference(x, tf.stopGradient(mean)), ax, Mean.keepDims(true));
    if (!keepDims) {
      mean = tf.squeeze(mean, Squeeze.axis(longs(axes)));
      variance = tf.squeeze(variance, Squeeze.axis(longs(axes)));
    }
    return new Moments<>(mean, variance);
  }

  /** The mean of squares over {@code axes}, kept as size-one dimensions. */
  static <T extends TFloating> Operand<T> meanSquare(Ops tf, Operand<T> x, int[] axes) {
    return tf.math.mean(tf.math.square(x), tf.constant(axes), Mean.keepDims(true));
  }

  /** The sum over {@code axes}, kept as size-one dimensions. */
  static <T extends TFloating> Operand<T> sum(Ops tf, Operand<T> x, int[] axes) {
    return tf.sum(x, tf.constant(axes), Sum.keepDims(true));
  }

  /**
   * {@code v} (whose dimensions are those of {@code axes} of a tensor of rank {@code rank})
   * reshaped to broadcast against that tensor: size one on every other axis.
   */
  static <T extends TFloating> Operand<T> broadcastable(
      Ops tf, Operand<T> v, int rank, int[] axes) {
    long[] shape = new long[rank];
    Arrays.fill(shape, 1L);
    for (int i = 0; i < axes.length; i++) {
      shape[axes[i]] = v.shape().get(i);
    }
    return tf.reshape(v, tf.constant(shape));
  }

  /** Whether {@code axes} is just the last axis of a tensor of rank {@code rank}. */
  static boolean isLastAxis(int[] axes, int rank) {
    return axes.length == 1 && axes[0] == rank - 1;
  }

  private static List<Long> longs(int[] axes) {
    return Arrays.stream(axes).asLongStream().boxed().toList();
  }
}

package io.keras4j.layers.reshaping;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.types.TInt64;

/**
 * The dimensions of a tensor as scalars for building a shape vector: a constant where the static
 * shape knows the dimension, read from {@code tf.shape(x)} where it does not (the batch, usually).
 * Packing such scalars lets TensorFlow's shape inference keep every statically known dimension of a
 * reshape, which a shape computed by arithmetic on {@code tf.shape(x)} would lose.
 */
final class DynamicShape {

  private final Ops tf;
  private final Operand<?> x;
  private final Shape shape;
  private @Nullable Operand<TInt64> runtime;

  private DynamicShape(Ops tf, Operand<?> x) {
    this.tf = tf;
    this.x = x;
    this.shape = x.shape();
  }

  static DynamicShape of(Ops tf, Operand<?> x) {
    return new DynamicShape(tf, x);
  }

  /** Dimension {@code i} of the tensor. */
  Operand<TInt64> dim(int i) {
    return dim(i, 1);
  }

  /** Dimension {@code i} of the tensor times {@code factor}. */
  Operand<TInt64> dim(int i, long factor) {
    long d = shape.get(i);
    if (d != Shape.UNKNOWN_SIZE) {
      return constant(d * factor);
    }
    if (runtime == null) {
      runtime = tf.shape(x, TInt64.class);
    }
    Operand<TInt64> v =
        tf.stridedSlice(
            runtime,
            tf.constant(new long[] {i}),
            tf.constant(new long[] {i + 1}),
            tf.constant(new long[] {1}),
            StridedSlice.shrinkAxisMask(1L));
    return factor == 1 ? v : tf.math.mul(v, tf.constant(factor));
  }

  Operand<TInt64> constant(long value) {
    return tf.constant(value);
  }

  /** The shape vector of the given dimensions. */
  Operand<TInt64> vector(List<Operand<TInt64>> dims) {
    return tf.stack(dims);
  }
}

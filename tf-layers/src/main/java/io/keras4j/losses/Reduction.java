package io.keras4j.losses;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * How Keras weights and reduces per-sample losses: the functions of {@code keras.losses.loss}
 * ({@code reduce_weighted_values}, {@code apply_mask}, {@code squeeze_or_expand_to_same_rank}).
 *
 * <p>A reduction is one of Keras' names:
 *
 * <ul>
 *   <li>{@code "sum_over_batch_size"} (the default) and {@code "mean"}: the sum of the weighted
 *       losses divided by their number of elements;
 *   <li>{@code "mean_with_sample_weight"}: the sum divided by the sum of the sample weights (by the
 *       number of elements when there are none);
 *   <li>{@code "sum"}: the sum;
 *   <li>{@code "none"} or {@code null}: the weighted losses themselves.
 * </ul>
 *
 * <pre>{@code
 * Operand<TFloat32> loss = Reduction.reduceWeightedValues(tf, perSample, weights, null, "sum");
 * }</pre>
 */
public final class Reduction {

  /** Keras' default reduction. */
  public static final String SUM_OVER_BATCH_SIZE = "sum_over_batch_size";

  private static final Set<String> NAMED =
      Set.of(SUM_OVER_BATCH_SIZE, "sum", "none", "mean", "mean_with_sample_weight");

  private Reduction() {}

  /** Two tensors whose ranks {@link #squeezeOrExpandToSameRank} matched. */
  public record SameRank<A extends TType, B extends TType>(Operand<A> first, Operand<B> second) {}

  /**
   * Keras' {@code standardize_reduction}: returns {@code reduction} when Keras accepts it.
   *
   * @throws IllegalArgumentException for any other value
   */
  public static @Nullable String validate(@Nullable String reduction) {
    if (reduction != null && !NAMED.contains(reduction)) {
      throw new IllegalArgumentException(
          "Invalid value for argument `reduction`. Expected one of [sum_over_batch_size, sum,"
              + " None, none, mean, mean_with_sample_weight]. Received: reduction="
              + reduction);
    }
    return reduction;
  }

  /**
   * Keras' {@code squeeze_or_expand_to_same_rank}: when the static ranks differ by one and the
   * longer tensor ends in a dimension of 1, squeezes that dimension, or (with {@code expandRank1})
   * expands a rank-1 shorter tensor instead. Tensors of unknown rank are returned as they are.
   */
  public static <A extends TType, B extends TType> SameRank<A, B> squeezeOrExpandToSameRank(
      Ops tf, Operand<A> x1, Operand<B> x2, boolean expandRank1) {
    Shape s1 = x1.shape();
    Shape s2 = x2.shape();
    if (s1.isUnknown() || s2.isUnknown()) {
      return new SameRank<>(x1, x2);
    }
    int r1 = s1.numDimensions();
    int r2 = s2.numDimensions();
    if (r1 == r2 + 1 && s1.get(r1 - 1) == 1) {
      if (r2 == 1 && expandRank1) {
        x2 = expandLast(tf, x2);
      } else {
        x1 = squeezeLast(tf, x1);
      }
    } else if (r2 == r1 + 1 && s2.get(r2 - 1) == 1) {
      if (r1 == 1 && expandRank1) {
        x1 = expandLast(tf, x1);
      } else {
        x2 = squeezeLast(tf, x2);
      }
    }
    return new SameRank<>(x1, x2);
  }

  /** {@link #squeezeOrExpandToSameRank} with Keras' default {@code expand_rank_1=True}. */
  public static <A extends TType, B extends TType> SameRank<A, B> squeezeOrExpandToSameRank(
      Ops tf, Operand<A> x1, Operand<B> x2) {
    return squeezeOrExpandToSameRank(tf, x1, x2, true);
  }

  /**
   * Keras' {@code reduce_weighted_values}: merges {@code mask} into the sample weights, multiplies
   * the losses by them (after matching ranks, then broadcasting) and applies the reduction.
   *
   * @param sampleWeight weights, broadcastable to {@code values} once ranks are matched
   * @param mask which losses count, as Keras' mask on the losses (ignored classes)
   * @param reduction one of Keras' names, or {@code null} for none
   */
  public static <T extends TFloating> Operand<T> reduceWeightedValues(
      Ops tf,
      Operand<T> values,
      @Nullable Operand<? extends TType> sampleWeight,
      @Nullable Operand<TBool> mask,
      @Nullable String reduction) {
    validate(reduction);
    Class<T> dtype = values.type();
    Operand<T> weights = sampleWeight == null ? null : tf.dtypes.cast(sampleWeight, dtype);
    weights = applyMask(tf, weights, mask, dtype, reduction);
    if (weights != null) {
      SameRank<T, T> r = squeezeOrExpandToSameRank(tf, values, weights);
      weights = r.second();
      values = tf.math.mul(r.first(), weights);
    }
    return reduceValues(tf, values, weights, reduction);
  }

  /**
   * Keras' {@code apply_mask}: folds a mask into the sample weights. For the averaging reductions a
   * kept entry weighs {@code total / kept}, so that the average runs over the kept entries only.
   */
  public static <T extends TFloating> @Nullable Operand<T> applyMask(
      Ops tf,
      @Nullable Operand<T> sampleWeight,
      @Nullable Operand<TBool> mask,
      Class<T> dtype,
      @Nullable String reduction) {
    if (mask == null) {
      return sampleWeight;
    }
    Operand<T> floatMask;
    if (SUM_OVER_BATCH_SIZE.equals(reduction) || "mean".equals(reduction)) {
      Operand<T> total = tf.dtypes.cast(tf.size(mask), dtype);
      Operand<T> valid = tf.sum(tf.dtypes.cast(mask, dtype), allAxes(tf, mask));
      Operand<T> maskWeight = tf.math.divNoNan(total, valid);
      floatMask = tf.select(mask, maskWeight, tf.constant(dtype, 0));
    } else {
      floatMask = tf.dtypes.cast(mask, dtype);
    }
    if (sampleWeight == null) {
      return floatMask;
    }
    SameRank<T, T> r = squeezeOrExpandToSameRank(tf, floatMask, sampleWeight);
    return tf.math.mul(r.second(), r.first());
  }

  /** Keras' {@code reduce_values}: the reduction of already weighted losses. */
  static <T extends TFloating> Operand<T> reduceValues(
      Ops tf, Operand<T> values, @Nullable Operand<T> sampleWeight, @Nullable String reduction) {
    Shape shape = values.shape();
    if (reduction == null
        || reduction.equals("none")
        || shape.isScalar()
        || (shape.numDimensions() == 1 && shape.get(0) == 0)) {
      return values;
    }
    Operand<T> loss = tf.sum(values, allAxes(tf, values));
    if (reduction.equals("sum")) {
      return loss;
    }
    Operand<T> divisor =
        reduction.equals("mean_with_sample_weight") && sampleWeight != null
            ? tf.sum(sampleWeight, allAxes(tf, sampleWeight))
            : tf.dtypes.cast(tf.size(values), values.type());
    return tf.math.divNoNan(loss, divisor);
  }

  /** The axes {@code 0 .. rank-1} of {@code x}, for a reduction over all of them. */
  static Operand<TInt32> allAxes(Ops tf, Operand<?> x) {
    Shape s = x.shape();
    if (!s.isUnknown()) {
      int[] axes = new int[s.numDimensions()];
      Arrays.setAll(axes, i -> i);
      return tf.constant(axes);
    }
    return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
  }

  private static <X extends TType> Operand<X> squeezeLast(Ops tf, Operand<X> x) {
    return tf.squeeze(x, Squeeze.axis(List.of(-1L)));
  }

  private static <X extends TType> Operand<X> expandLast(Ops tf, Operand<X> x) {
    return tf.expandDims(x, tf.constant(-1));
  }
}

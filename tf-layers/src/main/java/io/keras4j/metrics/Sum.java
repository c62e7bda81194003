package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.layers.Weight;
import io.keras4j.losses.Reduction;
import io.keras4j.losses.Reduction.SameRank;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * The weighted sum of the values given over an epoch: Keras' {@code keras.metrics.Sum}.
 *
 * <pre>{@code
 * Sum seen = new Sum("seen", null);
 * Op update = seen.updateState(tf, ones, null);
 * }</pre>
 */
public final class Sum extends AbstractMetric {

  private final Weight total;

  /** Keras' defaults: {@code name="sum", dtype="float32"}. */
  public Sum() {
    this(null, null);
  }

  /**
   * @param name {@code null} for Keras' default {@code "sum"}
   * @param dtype {@code null} for Keras' default {@code "float32"}
   */
  @JsonCreator
  public Sum(
      @JsonProperty("name") @Nullable String name, @JsonProperty("dtype") @Nullable String dtype) {
    super(name == null ? "sum" : name, dtype);
    this.total = addVariable("total", Shape.scalar(), computeType());
  }

  /** Adds {@code values}, weighted by {@code sampleWeight} when given, to the total. */
  public Op updateState(Ops tf, Operand<?> values, @Nullable Operand<?> sampleWeight) {
    return accumulate(tf, values, sampleWeight, computeType());
  }

  private <T extends TFloating> Op accumulate(
      Ops tf, Operand<?> values, @Nullable Operand<?> sampleWeight, Class<T> type) {
    Operand<T> v = tf.dtypes.cast(values, type);
    if (sampleWeight != null) {
      SameRank<T, T> r =
          Reduction.squeezeOrExpandToSameRank(tf, v, tf.dtypes.cast(sampleWeight, type));
      v = r.first();
      Operand<T> w = r.second();
      int weightRank = Mean.rank(w);
      int valuesRank = Mean.rank(v);
      if (valuesRank > weightRank) {
        v = tf.sum(v, Mean.axes(tf, weightRank, valuesRank));
      }
      v = tf.math.mul(v, tf.broadcastTo(w, tf.shape(v)));
    }
    return assignAdd(tf, total, tf.sum(v, Mean.axes(tf, 0, Mean.rank(v))));
  }

  /**
   * Keras parity: a {@code Sum} takes values, not targets and predictions.
   *
   * @throws UnsupportedOperationException always; use {@link #updateState(Ops, Operand, Operand)}
   */
  @Override
  public Op updateState(
      Ops tf, Operand<?> yTrue, Operand<?> yPred, @Nullable Operand<?> sampleWeight) {
    throw new UnsupportedOperationException(
        "Sum '" + name() + "' accumulates values: call updateState(tf, values, sampleWeight)");
  }

  @Override
  public Operand<TFloat32> result(Ops tf) {
    return readFloat32(tf, total);
  }
}

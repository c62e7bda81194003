package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.layers.Weight;
import io.keras4j.losses.Reduction;
import io.keras4j.losses.Reduction.SameRank;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The weighted mean of the values given over an epoch: Keras' {@code keras.metrics.Mean}, which
 * also tracks the loss in {@code History}.
 *
 * <p>Each update reduces the values to one per sample (the mean over their other axes), adds their
 * weighted sum to {@code total} and the sum of the weights (or the number of samples) to {@code
 * count}; the result is {@code total / count}, 0 before any update.
 *
 * <pre>{@code
 * Mean loss = new Mean("loss", null);
 * Op update = loss.updateState(tf, batchLoss, batchSize);
 * Operand<TFloat32> epochLoss = loss.result(tf);
 * }</pre>
 */
public class Mean extends AbstractMetric {

  private final Weight total;
  private final Weight count;

  /** Keras' defaults: {@code name="mean", dtype="float32"}. */
  public Mean() {
    this(null, null);
  }

  /**
   * @param name {@code null} for Keras' default {@code "mean"}
   * @param dtype {@code null} for Keras' default {@code "float32"}
   */
  @JsonCreator
  public Mean(
      @JsonProperty("name") @Nullable String name, @JsonProperty("dtype") @Nullable String dtype) {
    super(name == null ? "mean" : name, dtype);
    this.total = addVariable("total", Shape.scalar(), computeType());
    this.count = addVariable("count", Shape.scalar(), computeType());
  }

  /**
   * Accumulates {@code values}, weighted by {@code sampleWeight} when given, as Keras' {@code
   * Mean.update_state(values, sample_weight)}.
   */
  public Op updateState(Ops tf, Operand<?> values, @Nullable Operand<?> sampleWeight) {
    return accumulate(tf, values, sampleWeight, computeType());
  }

  private <T extends TFloating> Op accumulate(
      Ops tf, Operand<?> values, @Nullable Operand<?> sampleWeight, Class<T> type) {
    Operand<T> v = tf.dtypes.cast(values, type);
    Operand<T> w = null;
    if (sampleWeight != null) {
      SameRank<T, T> r =
          Reduction.squeezeOrExpandToSameRank(tf, v, tf.dtypes.cast(sampleWeight, type));
      v = r.first();
      w = r.second();
      int weightRank = rank(w);
      int valuesRank = rank(v);
      if (valuesRank > weightRank) {
        v = tf.math.mean(v, axes(tf, weightRank, valuesRank));
      }
      w = tf.broadcastTo(w, tf.shape(v));
      v = tf.math.mul(v, w);
      if (weightRank > 1) {
        w = tf.math.mean(w, axes(tf, 1, weightRank));
      }
    }
    int valuesRank = rank(v);
    if (valuesRank > 1) {
      v = tf.math.mean(v, axes(tf, 1, valuesRank));
    }
    Operand<T> samples;
    if (w != null) {
      samples = tf.sum(w, axes(tf, 0, rank(w)));
    } else if (valuesRank >= 1) {
      samples = tf.dtypes.cast(tf.gather(tf.shape(v), tf.constant(0), tf.constant(0)), type);
    } else {
      samples = tf.constant(type, 1);
    }
    return group(
        tf,
        List.of(
            assignAdd(tf, total, tf.sum(v, axes(tf, 0, rank(v)))), assignAdd(tf, count, samples)));
  }

  /**
   * Keras parity: a {@code Mean} takes values, not targets and predictions; Keras fails the same
   * way when {@code compile(metrics=["mean"])} calls it with both.
   *
   * @throws UnsupportedOperationException always; use {@link #updateState(Ops, Operand, Operand)}
   */
  @Override
  public Op updateState(
      Ops tf, Operand<?> yTrue, Operand<?> yPred, @Nullable Operand<?> sampleWeight) {
    throw new UnsupportedOperationException(
        "Mean '" + name() + "' accumulates values: call updateState(tf, values, sampleWeight)");
  }

  @Override
  public Operand<TFloat32> result(Ops tf) {
    return tf.dtypes.cast(
        tf.math.divNoNan(total.<TFloating>read(tf), count.<TFloating>read(tf)), TFloat32.class);
  }

  static int rank(Operand<?> x) {
    if (x.shape().isUnknown()) {
      throw new IllegalArgumentException(
          "Metrics need inputs of known rank, received " + x.shape());
    }
    return x.shape().numDimensions();
  }

  /** The axes {@code from .. to-1}. */
  static Operand<TInt32> axes(Ops tf, int from, int to) {
    int[] a = new int[Math.max(0, to - from)];
    for (int i = 0; i < a.length; i++) a[i] = from + i;
    return tf.constant(a);
  }
}

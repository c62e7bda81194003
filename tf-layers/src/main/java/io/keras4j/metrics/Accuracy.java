package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.losses.Reduction;
import io.keras4j.losses.Reduction.SameRank;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * How often predictions equal targets exactly: Keras' {@code keras.metrics.Accuracy}. (The {@code
 * "accuracy"} of {@code compile} is another metric, chosen by {@link Metrics#get(String,
 * org.tensorflow.ndarray.Shape, org.tensorflow.ndarray.Shape)}.)
 *
 * <pre>{@code
 * Metric exact = new Accuracy();
 * Op update = exact.updateState(tf, labels, predictedLabels, null);
 * }</pre>
 */
public final class Accuracy extends MeanMetricWrapper {

  /** Keras' defaults: {@code name="accuracy", dtype="float32"}. */
  public Accuracy() {
    this(null, null);
  }

  @JsonCreator
  public Accuracy(
      @JsonProperty("name") @Nullable String name, @JsonProperty("dtype") @Nullable String dtype) {
    super(name == null ? "accuracy" : name, dtype);
  }

  @Override
  protected Operand<TFloat32> values(Ops tf, Operand<?> yTrue, Operand<?> yPred) {
    return matches(tf, yTrue, yPred);
  }

  private static <T extends TType> Operand<TFloat32> matches(
      Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y =
        Reduction.squeezeOrExpandToSameRank(tf, tf.dtypes.cast(yTrue, yPred.type()), yPred);
    return tf.dtypes.cast(tf.math.equal(y.first(), y.second()), TFloat32.class);
  }
}

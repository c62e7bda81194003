package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The mean absolute error: Keras' {@code keras.metrics.MeanAbsoluteError}, the epoch's mean of
 * {@link io.keras4j.losses.MeanAbsoluteError}'s per-sample values.
 *
 * <pre>{@code
 * Metric metric = new MeanAbsoluteError();
 * Op update = metric.updateState(tf, yTrue, yPred, null);
 * }</pre>
 */
public final class MeanAbsoluteError extends MeanMetricWrapper {

  private static final io.keras4j.losses.MeanAbsoluteError LOSS =
      new io.keras4j.losses.MeanAbsoluteError();

  /** Keras' defaults: {@code name="mean_absolute_error", dtype="float32"}. */
  public MeanAbsoluteError() {
    this(null, null);
  }

  @JsonCreator
  public MeanAbsoluteError(
      @JsonProperty("name") @Nullable String name, @JsonProperty("dtype") @Nullable String dtype) {
    super(name == null ? "mean_absolute_error" : name, dtype);
  }

  @Override
  protected Operand<? extends TFloating> values(Ops tf, Operand<?> yTrue, Operand<?> yPred) {
    return LOSS.call(tf, yTrue, tf.dtypes.cast(yPred, computeType()));
  }
}

package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The mean absolute percentage error: Keras' {@code keras.metrics.MeanAbsolutePercentageError}, the
 * epoch's mean of {@link io.keras4j.losses.MeanAbsolutePercentageError}'s per-sample values.
 *
 * <pre>{@code
 * Metric metric = new MeanAbsolutePercentageError();
 * Op update = metric.updateState(tf, yTrue, yPred, null);
 * }</pre>
 */
public final class MeanAbsolutePercentageError extends MeanMetricWrapper {

  private static final io.keras4j.losses.MeanAbsolutePercentageError LOSS =
      new io.keras4j.losses.MeanAbsolutePercentageError();

  /** Keras' defaults: {@code name="mean_absolute_percentage_error", dtype="float32"}. */
  public MeanAbsolutePercentageError() {
    this(null, null);
  }

  @JsonCreator
  public MeanAbsolutePercentageError(
      @JsonProperty("name") @Nullable String name, @JsonProperty("dtype") @Nullable String dtype) {
    super(name == null ? "mean_absolute_percentage_error" : name, dtype);
  }

  @Override
  protected Operand<? extends TFloating> values(Ops tf, Operand<?> yTrue, Operand<?> yPred) {
    return LOSS.call(tf, yTrue, tf.dtypes.cast(yPred, computeType()));
  }
}

package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The mean squared logarithmic error: Keras' {@code keras.metrics.MeanSquaredLogarithmicError}, the
 * epoch's mean of {@link io.keras4j.losses.MeanSquaredLogarithmicError}'s per-sample values.
 *
 * <pre>{@code
 * Metric metric = new MeanSquaredLogarithmicError();
 * Op update = metric.updateState(tf, yTrue, yPred, null);
 * }</pre>
 */
public final class MeanSquaredLogarithmicError extends MeanMetricWrapper {

  private static final io.keras4j.losses.MeanSquaredLogarithmicError LOSS =
      new io.keras4j.losses.MeanSquaredLogarithmicError();

  /** Keras' defaults: {@code name="mean_squared_logarithmic_error", dtype="float32"}. */
  public MeanSquaredLogarithmicError() {
    this(null, null);
  }

  @JsonCreator
  public MeanSquaredLogarithmicError(
      @JsonProperty("name") @Nullable String name, @JsonProperty("dtype") @Nullable String dtype) {
    super(name == null ? "mean_squared_logarithmic_error" : name, dtype);
  }

  @Override
  protected Operand<? extends TFloating> values(Ops tf, Operand<?> yTrue, Operand<?> yPred) {
    return LOSS.call(tf, yTrue, tf.dtypes.cast(yPred, computeType()));
  }
}

package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.losses.Reduction;
import io.keras4j.losses.Reduction.SameRank;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * The square root of the epoch's mean squared error: Keras' {@code
 * keras.metrics.RootMeanSquaredError}, {@code sqrt(mean(square(y_pred - y_true)))} over every
 * element seen (weighted by the sample weights).
 *
 * <pre>{@code
 * Metric rmse = new RootMeanSquaredError();
 * Op update = rmse.updateState(tf, yTrue, yPred, null);
 * }</pre>
 */
public final class RootMeanSquaredError extends Mean {

  /** Keras' defaults: {@code name="root_mean_squared_error", dtype="float32"}. */
  public RootMeanSquaredError() {
    this(null, null);
  }

  @JsonCreator
  public RootMeanSquaredError(
      @JsonProperty("name") @Nullable String name, @JsonProperty("dtype") @Nullable String dtype) {
    super(name == null ? "root_mean_squared_error" : name, dtype);
  }

  @Override
  public Op updateState(
      Ops tf, Operand<?> yTrue, Operand<?> yPred, @Nullable Operand<?> sampleWeight) {
    return updateState(tf, squaredError(tf, yTrue, yPred, computeType()), sampleWeight);
  }

  private static <T extends TFloating> Operand<T> squaredError(
      Ops tf, Operand<?> yTrue, Operand<?> yPred, Class<T> type) {
    SameRank<T, T> y =
        Reduction.squeezeOrExpandToSameRank(
            tf, tf.dtypes.cast(yTrue, type), tf.dtypes.cast(yPred, type));
    return tf.math.square(tf.math.sub(y.second(), y.first()));
  }

  @Override
  public Operand<TFloat32> result(Ops tf) {
    return tf.math.sqrt(super.result(tf));
  }
}

package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.losses.Reduction;
import io.keras4j.losses.Reduction.SameRank;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * How often {@code y_pred > threshold} equals the 0/1 target: Keras' {@code
 * keras.metrics.BinaryAccuracy}. Targets {@code (batch,)} match predictions {@code (batch, 1)}.
 *
 * <pre>{@code
 * Metric accuracy = new BinaryAccuracy("binary_accuracy", null, 0.0); // on logits
 * Op update = accuracy.updateState(tf, labels, logits, null);
 * }</pre>
 */
public final class BinaryAccuracy extends MeanMetricWrapper {

  private final double threshold;

  /** Keras' defaults: {@code name="binary_accuracy", dtype="float32", threshold=0.5}. */
  public BinaryAccuracy() {
    this(null, null, null);
  }

  /**
   * @param threshold above which a prediction counts as 1, {@code null} for Keras' 0.5
   */
  @JsonCreator
  public BinaryAccuracy(
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("dtype") @Nullable String dtype,
      @JsonProperty("threshold") @Nullable Double threshold) {
    super(name == null ? "binary_accuracy" : name, dtype);
    this.threshold = threshold == null ? 0.5 : threshold;
  }

  @JsonProperty("threshold")
  public double threshold() {
    return threshold;
  }

  @Override
  protected Operand<TFloat32> values(Ops tf, Operand<?> yTrue, Operand<?> yPred) {
    return matches(tf, yTrue, tf.dtypes.cast(yPred, TFloat32.class));
  }

  private <U extends TType> Operand<TFloat32> matches(
      Ops tf, Operand<U> yTrue, Operand<? extends TNumber> yPred) {
    SameRank<U, ? extends TNumber> y = Reduction.squeezeOrExpandToSameRank(tf, yTrue, yPred);
    Operand<U> predicted =
        tf.dtypes.cast(
            tf.math.greater(
                tf.dtypes.cast(y.second(), TFloat32.class), tf.constant((float) threshold)),
            yTrue.type());
    return tf.dtypes.cast(tf.math.equal(y.first(), predicted), TFloat32.class);
  }
}

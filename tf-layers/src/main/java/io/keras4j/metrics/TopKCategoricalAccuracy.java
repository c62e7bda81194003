package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * How often the one-hot target's class is among the {@code k} most likely: Keras' {@code
 * keras.metrics.TopKCategoricalAccuracy}. A target tied with the {@code k}-th largest prediction
 * counts as found, as in Keras.
 *
 * <pre>{@code
 * Metric top3 = new TopKCategoricalAccuracy(3, null, null);
 * Op update = top3.updateState(tf, oneHot, probabilities, null);
 * }</pre>
 */
public final class TopKCategoricalAccuracy extends MeanMetricWrapper {

  private final int k;

  /** Keras' defaults: {@code k=5, name="top_k_categorical_accuracy", dtype="float32"}. */
  public TopKCategoricalAccuracy() {
    this(null, null, null);
  }

  /**
   * @param k how many of the most likely classes count, {@code null} for Keras' 5
   */
  @JsonCreator
  public TopKCategoricalAccuracy(
      @JsonProperty("k") @Nullable Integer k,
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("dtype") @Nullable String dtype) {
    super(name == null ? "top_k_categorical_accuracy" : name, dtype);
    this.k = k == null ? 5 : k;
    if (this.k <= 0) {
      throw new IllegalArgumentException(
          "TopKCategoricalAccuracy: `k` must be a positive integer. Received: k=" + k);
    }
  }

  @JsonProperty("k")
  public int k() {
    return k;
  }

  @Override
  protected Operand<TFloat32> values(Ops tf, Operand<?> yTrue, Operand<?> yPred) {
    Operand<TInt32> target = tf.math.argMax(yTrue, tf.constant(-1), TInt32.class);
    // in_top_k on rows of classes, whatever the rank, as Keras reshapes.
    Operand<TFloat32> predictions = tf.dtypes.cast(yPred, TFloat32.class);
    Operand<TInt32> classes =
        tf.gather(tf.shape(predictions), tf.constant(Mean.rank(yPred) - 1), tf.constant(0));
    Operand<TFloat32> rows = tf.reshape(predictions, tf.stack(List.of(tf.constant(-1), classes)));
    Operand<TBool> found =
        tf.nn.inTopK(rows, tf.reshape(target, tf.constant(new int[] {-1})), tf.constant(k));
    return tf.reshape(tf.dtypes.cast(found, TFloat32.class), tf.shape(target));
  }
}

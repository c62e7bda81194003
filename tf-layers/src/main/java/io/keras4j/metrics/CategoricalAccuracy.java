package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * How often the most likely class is the one-hot target's class: Keras' {@code
 * keras.metrics.CategoricalAccuracy}, {@code argmax(y_true, -1) == argmax(y_pred, -1)}. Predictions
 * {@code (batch, ..., classes)} give one match per {@code (batch, ...)}.
 *
 * <pre>{@code
 * Metric accuracy = new CategoricalAccuracy();
 * Op update = accuracy.updateState(tf, oneHot, probabilities, null);
 * }</pre>
 */
public final class CategoricalAccuracy extends MeanMetricWrapper {

  /** Keras' defaults: {@code name="categorical_accuracy", dtype="float32"}. */
  public CategoricalAccuracy() {
    this(null, null);
  }

  @JsonCreator
  public CategoricalAccuracy(
      @JsonProperty("name") @Nullable String name, @JsonProperty("dtype") @Nullable String dtype) {
    super(name == null ? "categorical_accuracy" : name, dtype);
  }

  @Override
  protected Operand<TFloat32> values(Ops tf, Operand<?> yTrue, Operand<?> yPred) {
    Operand<TInt64> trueClass = tf.math.argMax(yTrue, tf.constant(-1));
    // Keras parity: targets of one rank more than the predictions lose their last axis.
    boolean reshape =
        !trueClass.shape().isUnknown()
            && !yPred.shape().isUnknown()
            && trueClass.shape().numDimensions() == yPred.shape().numDimensions();
    Operand<TInt64> target =
        reshape ? tf.squeeze(trueClass, Squeeze.axis(List.of(-1L))) : trueClass;
    Operand<TInt64> predClass = tf.math.argMax(yPred, tf.constant(-1));
    Operand<TFloat32> matches = tf.dtypes.cast(tf.math.equal(target, predClass), TFloat32.class);
    return reshape ? tf.reshape(matches, tf.shape(trueClass)) : matches;
  }
}

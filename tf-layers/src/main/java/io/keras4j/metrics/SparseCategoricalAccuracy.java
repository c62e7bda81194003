package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * How often the most likely class is the integer target: Keras' {@code
 * keras.metrics.SparseCategoricalAccuracy}, {@code y_true == argmax(y_pred, -1)}. Targets {@code
 * (batch, ...)} or {@code (batch, ..., 1)} and predictions {@code (batch, ..., classes)} give one
 * match per {@code (batch, ...)}.
 *
 * <pre>{@code
 * Metric accuracy = new SparseCategoricalAccuracy();
 * Op update = accuracy.updateState(tf, classIds, logits, null);
 * }</pre>
 */
public final class SparseCategoricalAccuracy extends MeanMetricWrapper {

  /** Keras' defaults: {@code name="sparse_categorical_accuracy", dtype="float32"}. */
  public SparseCategoricalAccuracy() {
    this(null, null);
  }

  @JsonCreator
  public SparseCategoricalAccuracy(
      @JsonProperty("name") @Nullable String name, @JsonProperty("dtype") @Nullable String dtype) {
    super(name == null ? "sparse_categorical_accuracy" : name, dtype);
  }

  @Override
  protected Operand<TFloat32> values(Ops tf, Operand<?> yTrue, Operand<?> yPred) {
    Class<? extends TFloating> type =
        yPred.type() == TFloat64.class ? TFloat64.class : TFloat32.class;
    return matches(tf, yTrue, yPred, type);
  }

  private static <T extends TFloating> Operand<TFloat32> matches(
      Ops tf, Operand<?> yTrue, Operand<?> yPred, Class<T> type) {
    // Keras parity: targets are compared as the predictions' floats.
    Operand<T> target = tf.dtypes.cast(yTrue, type);
    Shape t = target.shape();
    Shape p = yPred.shape();
    boolean reshape =
        !t.isUnknown()
            && !p.isUnknown()
            && t.numDimensions() == p.numDimensions()
            && t.get(t.numDimensions() - 1) == 1;
    Operand<T> squeezed = reshape ? tf.squeeze(target, Squeeze.axis(List.of(-1L))) : target;
    Operand<T> predicted = tf.dtypes.cast(tf.math.argMax(yPred, tf.constant(-1)), type);
    Operand<TFloat32> matches = tf.dtypes.cast(tf.math.equal(squeezed, predicted), TFloat32.class);
    if (reshape) {
      matches = tf.reshape(matches, tf.shape(target));
    }
    Shape m = matches.shape();
    if (!m.isUnknown() && m.numDimensions() > 1 && m.get(m.numDimensions() - 1) == 1) {
      matches = tf.squeeze(matches, Squeeze.axis(List.of(-1L)));
    }
    return matches;
  }
}

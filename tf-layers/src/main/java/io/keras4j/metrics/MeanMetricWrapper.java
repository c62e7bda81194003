package io.keras4j.metrics;

import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A {@link Mean} of a per-sample function of targets and predictions, Keras' {@code
 * keras.metrics.MeanMetricWrapper}: accuracies, and losses used as metrics. Subclasses compute
 * {@link #values}; {@link #updateState} averages them, weighted by the sample weights.
 */
public abstract class MeanMetricWrapper extends Mean {

  protected MeanMetricWrapper(String name, @Nullable String dtype) {
    super(name, dtype);
  }

  /** The per-sample (or per-element) values of the wrapped function for a batch. */
  protected abstract Operand<? extends TFloating> values(
      Ops tf, Operand<?> yTrue, Operand<?> yPred);

  @Override
  public Op updateState(
      Ops tf, Operand<?> yTrue, Operand<?> yPred, @Nullable Operand<?> sampleWeight) {
    return updateState(tf, values(tf, yTrue, yPred), sampleWeight);
  }
}

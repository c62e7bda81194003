package io.keras4j.metrics;

import io.keras4j.layers.Weight;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A quantity accumulated over the batches of an epoch: Keras' {@code keras.metrics.Metric}. Its
 * state lives in variables ({@link #variables()}, in Keras' order), updated per batch and reset
 * per epoch; {@link #result} reads the value reported in {@code History}.
 */
public interface Metric {

  /** The name Keras reports the metric under in {@code History} ({@code "accuracy"}, ...). */
  String name();

  /** The state variables, created once, in Keras' creation order. */
  List<Weight> variables();

  /** Accumulates one batch. */
  Op updateState(Ops tf, Operand<?> yTrue, Operand<?> yPred, @Nullable Operand<?> sampleWeight);

  /** The metric's current value. */
  Operand<TFloat32> result(Ops tf);

  /** Sets every state variable back to its initial value. */
  Op resetState(Ops tf);
}

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
 * state lives in variables ({@link #variables()}, in Keras' order), updated per batch and reset per
 * epoch; {@link #result} reads the value reported in {@code History}.
 *
 * <p>The built-in metrics extend {@link AbstractMetric}; {@link Mean} and {@link Sum} accumulate
 * values rather than targets and predictions. {@link Metrics#get(String,
 * org.tensorflow.ndarray.Shape, org.tensorflow.ndarray.Shape)} resolves the names {@code compile}
 * accepts, and {@link CompileMetrics} the {@code metrics} of a {@code compile_config} with their
 * {@code History} names.
 *
 * <pre>{@code
 * Metric auc = AUC.builder().fromLogits(true).build();
 * Op update = auc.updateState(tf, labels, logits, null);
 * Operand<TFloat32> value = auc.result(tf);
 * }</pre>
 */
public interface Metric {

  /** The name Keras reports the metric under in {@code History} ({@code "accuracy"}, ...). */
  String name();

  /** The state variables, created once, in Keras' creation order. */
  List<Weight> variables();

  /**
   * Accumulates one batch.
   *
   * @param sampleWeight weights of the samples, or {@code null}; Keras' training loop gives them to
   *     {@code weighted_metrics} only, never to {@code compile}'s {@code metrics}
   */
  Op updateState(Ops tf, Operand<?> yTrue, Operand<?> yPred, @Nullable Operand<?> sampleWeight);

  /** The metric's current value, one per threshold for metrics given several. */
  Operand<TFloat32> result(Ops tf);

  /** Sets every state variable back to its initial value. */
  Op resetState(Ops tf);
}

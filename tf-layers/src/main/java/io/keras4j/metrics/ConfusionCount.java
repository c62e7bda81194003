package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.layers.Weight;
import io.keras4j.metrics.ConfusionMatrix.Condition;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The weighted count of one cell of the confusion matrix at each threshold: Keras' {@code
 * _ConfusionMatrixConditionCount}, the base of {@link TruePositives}, {@link FalsePositives},
 * {@link TrueNegatives} and {@link FalseNegatives}.
 */
public abstract sealed class ConfusionCount extends AbstractMetric
    permits TruePositives, FalsePositives, TrueNegatives, FalseNegatives {

  private final @Nullable Thresholds thresholds;
  private final double[] values;
  private final boolean evenly;
  private final Condition condition;
  private final Weight accumulator;

  ConfusionCount(
      Condition condition, @Nullable Thresholds thresholds, String name, @Nullable String dtype) {
    super(name, dtype);
    this.condition = condition;
    this.thresholds = thresholds == null ? null : thresholds.requireInUnitInterval();
    this.values = thresholds == null ? new double[] {0.5} : thresholds.toArray();
    this.evenly = ConfusionMatrix.evenlyDistributed(values);
    this.accumulator = addVariable("accumulator", Shape.of(values.length), TFloat32.class);
  }

  /** The thresholds as configured, {@code null} for Keras' default 0.5. */
  @JsonProperty("thresholds")
  public @Nullable Thresholds thresholds() {
    return thresholds;
  }

  @Override
  public Op updateState(
      Ops tf, Operand<?> yTrue, Operand<?> yPred, @Nullable Operand<?> sampleWeight) {
    return ConfusionMatrix.update(
        tf,
        Map.of(condition, accumulator),
        yTrue,
        yPred,
        values,
        evenly,
        null,
        null,
        sampleWeight,
        false,
        null);
  }

  @Override
  public Operand<TFloat32> result(Ops tf) {
    Operand<TFloat32> counts = readFloat32(tf, accumulator);
    return values.length == 1 ? tf.reshape(counts, tf.constant(new int[0])) : counts;
  }
}

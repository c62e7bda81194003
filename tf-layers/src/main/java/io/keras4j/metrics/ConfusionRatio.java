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
 * Keras' {@link Precision} and {@link Recall}: the true positives over themselves plus one kind of
 * error ({@code tp / (tp + error)}), counted per threshold with {@code top_k} and {@code class_id}
 * as Keras counts them, in two variables, {@code true_positives} then the error's.
 */
public abstract class ConfusionRatio extends AbstractMetric {

  private final @Nullable Thresholds thresholds;
  private final @Nullable Integer topK;
  private final @Nullable Integer classId;
  private final double[] values;
  private final boolean evenly;
  private final Condition error;
  private final Weight truePositives;
  private final Weight errors;

  /**
   * @param error {@code FALSE_POSITIVES} (precision) or {@code FALSE_NEGATIVES} (recall)
   * @param errorVariable the error variable's Keras name
   */
  ConfusionRatio(
      String defaultName,
      Condition error,
      String errorVariable,
      @Nullable Thresholds thresholds,
      @Nullable Integer topK,
      @Nullable Integer classId,
      @Nullable String name,
      @Nullable String dtype) {
    super(name == null ? defaultName : name, dtype);
    this.thresholds = thresholds == null ? null : thresholds.requireInUnitInterval();
    this.topK = topK;
    this.classId = classId;
    this.values = defaultThresholds(thresholds, topK);
    this.evenly = ConfusionMatrix.evenlyDistributed(values);
    this.error = error;
    int n = values.length;
    this.truePositives = addVariable("true_positives", Shape.of(n), TFloat32.class);
    this.errors = addVariable(errorVariable, Shape.of(n), TFloat32.class);
  }

  /** Keras' thresholds: the given ones, else 0.5, or -1e10 with {@code top_k}. */
  static double[] defaultThresholds(@Nullable Thresholds thresholds, @Nullable Integer topK) {
    if (thresholds != null) {
      return thresholds.toArray();
    }
    return new double[] {topK == null ? 0.5 : ConfusionMatrix.NEG_INF};
  }

  /** The thresholds as configured, {@code null} for the default. */
  @JsonProperty("thresholds")
  public @Nullable Thresholds thresholds() {
    return thresholds;
  }

  @JsonProperty("top_k")
  public @Nullable Integer topK() {
    return topK;
  }

  @JsonProperty("class_id")
  public @Nullable Integer classId() {
    return classId;
  }

  @Override
  public Op updateState(
      Ops tf, Operand<?> yTrue, Operand<?> yPred, @Nullable Operand<?> sampleWeight) {
    return ConfusionMatrix.update(
        tf,
        Map.of(Condition.TRUE_POSITIVES, truePositives, error, errors),
        yTrue,
        yPred,
        values,
        evenly,
        topK,
        classId,
        sampleWeight,
        false,
        null);
  }

  @Override
  public Operand<TFloat32> result(Ops tf) {
    Operand<TFloat32> tp = readFloat32(tf, truePositives);
    Operand<TFloat32> result = tf.math.divNoNan(tp, tf.math.add(tp, readFloat32(tf, errors)));
    return values.length == 1 ? tf.reshape(result, tf.constant(new int[0])) : result;
  }
}

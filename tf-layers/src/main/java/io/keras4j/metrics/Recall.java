package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
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
 * The fraction of positive targets predicted positive, {@code tp / (tp + fn)}: Keras' {@code
 * keras.metrics.Recall}. A prediction is positive above the threshold (0.5 by default; with {@code
 * top_k}, when among the row's {@code k} largest); a target when it is not 0. With several
 * thresholds the result has one value per threshold.
 *
 * <pre>{@code
 * Metric recall = new Recall(Thresholds.of(0.0), null, null, null, null); // on logits
 * Op update = recall.updateState(tf, labels, logits, null);
 * }</pre>
 */
public final class Recall extends AbstractMetric {

  private final @Nullable Thresholds thresholds;
  private final @Nullable Integer topK;
  private final @Nullable Integer classId;
  private final double[] values;
  private final boolean evenly;
  private final Weight truePositives;
  private final Weight falseNegatives;

  /** Keras' defaults: threshold 0.5, every class, {@code name="recall"}. */
  public Recall() {
    this(null, null, null, null, null);
  }

  /**
   * @param thresholds in {@code [0, 1]}; {@code null} for 0.5, or for no threshold with {@code
   *     topK}
   * @param topK count only the {@code k} largest predictions of each row as positive
   * @param classId count only this class (the last axis)
   */
  @JsonCreator
  public Recall(
      @JsonProperty("thresholds") @Nullable Thresholds thresholds,
      @JsonProperty("top_k") @Nullable Integer topK,
      @JsonProperty("class_id") @Nullable Integer classId,
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("dtype") @Nullable String dtype) {
    super(name == null ? "recall" : name, dtype);
    this.thresholds = thresholds == null ? null : thresholds.requireInUnitInterval();
    this.topK = topK;
    this.classId = classId;
    this.values = Precision.defaultThresholds(thresholds, topK);
    this.evenly = ConfusionMatrix.evenlyDistributed(values);
    int n = values.length;
    this.truePositives = addVariable("true_positives", Shape.of(n), TFloat32.class);
    this.falseNegatives = addVariable("false_negatives", Shape.of(n), TFloat32.class);
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
        Map.of(Condition.TRUE_POSITIVES, truePositives, Condition.FALSE_NEGATIVES, falseNegatives),
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
    Operand<TFloat32> result =
        tf.math.divNoNan(tp, tf.math.add(tp, readFloat32(tf, falseNegatives)));
    return values.length == 1 ? tf.reshape(result, tf.constant(new int[0])) : result;
  }
}

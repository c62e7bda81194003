package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.metrics.ConfusionMatrix.Condition;
import org.jspecify.annotations.Nullable;

/**
 * The fraction of positive predictions that are right, {@code tp / (tp + fp)}: Keras' {@code
 * keras.metrics.Precision}. A prediction is positive above the threshold (0.5 by default; with
 * {@code top_k}, when among the row's {@code k} largest); a target when it is not 0. With several
 * thresholds the result has one value per threshold.
 *
 * <pre>{@code
 * Metric precision = new Precision(Thresholds.of(0.0), null, null, null, null); // on logits
 * Op update = precision.updateState(tf, labels, logits, null);
 * }</pre>
 */
public final class Precision extends ConfusionRatio {

  /** Keras' defaults: threshold 0.5, every class, {@code name="precision"}. */
  public Precision() {
    this(null, null, null, null, null);
  }

  /**
   * @param thresholds in {@code [0, 1]}; {@code null} for 0.5, or for no threshold with {@code
   *     topK}
   * @param topK count only the {@code k} largest predictions of each row as positive
   * @param classId count only this class (the last axis)
   */
  @JsonCreator
  public Precision(
      @JsonProperty("thresholds") @Nullable Thresholds thresholds,
      @JsonProperty("top_k") @Nullable Integer topK,
      @JsonProperty("class_id") @Nullable Integer classId,
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("dtype") @Nullable String dtype) {
    super(
        "precision",
        Condition.FALSE_POSITIVES,
        "false_positives",
        thresholds,
        topK,
        classId,
        name,
        dtype);
  }
}

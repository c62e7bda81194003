package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.metrics.ConfusionMatrix.Condition;
import org.jspecify.annotations.Nullable;

/**
 * The weighted number of positive targets predicted positive, at each threshold: Keras' {@code
 * keras.metrics.TruePositives}. A prediction is positive above the threshold (0.5 by default).
 *
 * <pre>{@code
 * Metric count = new TruePositives(Thresholds.of(0.5), null, null);
 * Op update = count.updateState(tf, labels, probabilities, null);
 * }</pre>
 */
public final class TruePositives extends ConfusionCount {

  /** Keras' defaults: threshold 0.5, {@code name="true_positives"}. */
  public TruePositives() {
    this(null, null, null);
  }

  /**
   * @param thresholds in {@code [0, 1]}, {@code null} for 0.5
   */
  @JsonCreator
  public TruePositives(
      @JsonProperty("thresholds") @Nullable Thresholds thresholds,
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("dtype") @Nullable String dtype) {
    super(Condition.TRUE_POSITIVES, thresholds, name == null ? "true_positives" : name, dtype);
  }
}

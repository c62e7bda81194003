package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.metrics.ConfusionMatrix.Condition;
import org.jspecify.annotations.Nullable;

/**
 * The weighted number of negative targets predicted negative, at each threshold: Keras' {@code
 * keras.metrics.TrueNegatives}. A prediction is positive above the threshold (0.5 by default).
 *
 * <pre>{@code
 * Metric count = new TrueNegatives(Thresholds.of(0.5), null, null);
 * Op update = count.updateState(tf, labels, probabilities, null);
 * }</pre>
 */
public final class TrueNegatives extends ConfusionCount {

  /** Keras' defaults: threshold 0.5, {@code name="true_negatives"}. */
  public TrueNegatives() {
    this(null, null, null);
  }

  /**
   * @param thresholds in {@code [0, 1]}, {@code null} for 0.5
   */
  @JsonCreator
  public TrueNegatives(
      @JsonProperty("thresholds") @Nullable Thresholds thresholds,
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("dtype") @Nullable String dtype) {
    super(Condition.TRUE_NEGATIVES, thresholds, name == null ? "true_negatives" : name, dtype);
  }
}

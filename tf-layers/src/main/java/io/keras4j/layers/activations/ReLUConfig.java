package io.keras4j.layers.activations;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link ReLU}: Keras' {@code ReLU(max_value=None, negative_slope=0.0, threshold=0.0)}.
 *
 * @param maxValue the largest output, {@code null} for no limit
 * @param negativeSlope slope below the threshold
 * @param threshold inputs at or below it are damped
 */
@JsonDeserialize(builder = ReLUConfig.Builder.class)
public record ReLUConfig(
    @JsonProperty("max_value") @Nullable Double maxValue,
    @JsonProperty("negative_slope") double negativeSlope,
    @JsonProperty("threshold") double threshold) {

  public ReLUConfig {
    if (maxValue != null && (maxValue < 0.0 || maxValue.isNaN())) {
      throw new IllegalArgumentException(
          "max_value of a ReLU layer cannot be a negative value. Received: max_value=" + maxValue);
    }
    if (!(negativeSlope >= 0.0)) {
      throw new IllegalArgumentException(
          "negative_slope of a ReLU layer cannot be None or a negative value. Received:"
              + " negative_slope="
              + negativeSlope);
    }
    if (!(threshold >= 0.0)) {
      throw new IllegalArgumentException(
          "threshold of a ReLU layer cannot be None or a negative value. Received: threshold="
              + threshold);
    }
  }

  /** Keras' defaults: the plain {@code max(x, 0)}. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().maxValue(maxValue).negativeSlope(negativeSlope).threshold(threshold);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Double maxValue;
    private double negativeSlope = 0.0;
    private double threshold = 0.0;

    @JsonProperty("max_value")
    public Builder maxValue(@Nullable Double maxValue) {
      this.maxValue = maxValue;
      return this;
    }

    @JsonProperty("negative_slope")
    public Builder negativeSlope(double negativeSlope) {
      this.negativeSlope = negativeSlope;
      return this;
    }

    @JsonProperty("threshold")
    public Builder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    public ReLUConfig build() {
      return new ReLUConfig(maxValue, negativeSlope, threshold);
    }
  }
}

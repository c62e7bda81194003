package io.keras4j.layers.regularization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link GaussianNoise}: Keras' {@code GaussianNoise(stddev, seed=None)}.
 *
 * @param stddev the standard deviation of the noise, in {@code [0, 1]} as Keras 3 requires
 * @param seed makes the sequence of draws reproducible; {@code null} for a fresh one per session
 */
@JsonDeserialize(builder = GaussianNoiseConfig.Builder.class)
public record GaussianNoiseConfig(
    @JsonProperty("stddev") double stddev, @JsonProperty("seed") @Nullable Long seed) {

  public GaussianNoiseConfig {
    if (!(stddev >= 0.0 && stddev <= 1.0)) {
      throw new IllegalArgumentException(
          "Invalid value received for argument `stddev`. Expected a float value between 0 and 1."
              + " Received: stddev="
              + stddev);
    }
  }

  public static Builder builder(double stddev) {
    return new Builder().stddev(stddev);
  }

  public static GaussianNoiseConfig of(double stddev) {
    return builder(stddev).build();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double stddev = Double.NaN;
    private @Nullable Long seed;

    /** Required: Keras has no default standard deviation. */
    @JsonProperty("stddev")
    public Builder stddev(double stddev) {
      this.stddev = stddev;
      return this;
    }

    @JsonProperty("seed")
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    public GaussianNoiseConfig build() {
      return new GaussianNoiseConfig(stddev, seed);
    }
  }
}

package io.keras4j.layers.regularization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link GaussianDropout}: Keras' {@code GaussianDropout(rate, seed=None)}.
 *
 * @param rate the drop probability the noise stands for, in {@code [0, 1]}
 * @param seed makes the sequence of draws reproducible; {@code null} for a fresh one per session
 */
@JsonDeserialize(builder = GaussianDropoutConfig.Builder.class)
public record GaussianDropoutConfig(
    @JsonProperty("rate") double rate, @JsonProperty("seed") @Nullable Long seed) {

  public GaussianDropoutConfig {
    DropoutConfig.checkRate(rate);
  }

  public static Builder builder(double rate) {
    return new Builder().rate(rate);
  }

  public static GaussianDropoutConfig of(double rate) {
    return builder(rate).build();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double rate = Double.NaN;
    private @Nullable Long seed;

    /** Required: Keras has no default rate. */
    @JsonProperty("rate")
    public Builder rate(double rate) {
      this.rate = rate;
      return this;
    }

    @JsonProperty("seed")
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    public GaussianDropoutConfig build() {
      return new GaussianDropoutConfig(rate, seed);
    }
  }
}

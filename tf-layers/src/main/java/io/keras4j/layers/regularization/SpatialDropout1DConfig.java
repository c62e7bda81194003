package io.keras4j.layers.regularization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link SpatialDropout1D}: Keras' {@code SpatialDropout1D(rate, seed=None)}. Keras 2
 * files also write {@code noise_shape: null}, which is accepted and dropped.
 *
 * @param rate the fraction of the channels to drop, in {@code [0, 1]}
 * @param seed makes the sequence of masks reproducible; {@code null} for a fresh one per session
 */
@JsonDeserialize(builder = SpatialDropout1DConfig.Builder.class)
public record SpatialDropout1DConfig(
    @JsonProperty("rate") double rate, @JsonProperty("seed") @Nullable Long seed) {

  public SpatialDropout1DConfig {
    DropoutConfig.checkRate(rate);
  }

  public static Builder builder(double rate) {
    return new Builder().rate(rate);
  }

  public static SpatialDropout1DConfig of(double rate) {
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

    /** Keras 2 writes {@code noise_shape: null}; the layer derives its noise shape itself. */
    @JsonProperty("noise_shape")
    public Builder noiseShape(@Nullable JsonNode noiseShape) {
      SpatialDropout2DConfig.refuseNoiseShape("SpatialDropout1D", noiseShape);
      return this;
    }

    public SpatialDropout1DConfig build() {
      return new SpatialDropout1DConfig(rate, seed);
    }
  }
}

package io.keras4j.layers.regularization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link AlphaDropout}: Keras' {@code AlphaDropout(rate, noise_shape=None, seed=None)}.
 *
 * @param rate the fraction of the inputs to drop, in {@code [0, 1]}
 * @param seed makes the sequence of masks reproducible; {@code null} for a fresh one per session
 * @param noiseShape the shape of the keep mask, broadcast over the input, with {@code null} for the
 *     input's size; {@code null} for the input's shape
 */
@JsonDeserialize(builder = AlphaDropoutConfig.Builder.class)
public record AlphaDropoutConfig(
    @JsonProperty("rate") double rate,
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("noise_shape") @Nullable List<@Nullable Long> noiseShape) {

  public AlphaDropoutConfig {
    DropoutConfig.checkRate(rate);
    if (noiseShape != null) {
      noiseShape = Collections.unmodifiableList(new ArrayList<>(noiseShape));
    }
  }

  public static Builder builder(double rate) {
    return new Builder().rate(rate);
  }

  public static AlphaDropoutConfig of(double rate) {
    return builder(rate).build();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double rate = Double.NaN;
    private @Nullable Long seed;
    private @Nullable List<@Nullable Long> noiseShape;

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

    @JsonProperty("noise_shape")
    public Builder noiseShape(@Nullable List<@Nullable Long> noiseShape) {
      this.noiseShape = noiseShape;
      return this;
    }

    public AlphaDropoutConfig build() {
      return new AlphaDropoutConfig(rate, seed, noiseShape);
    }
  }
}

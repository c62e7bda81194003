package io.keras4j.layers.regularization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Dropout}: Keras' {@code Dropout(rate, noise_shape=None, seed=None)}.
 *
 * @param rate the fraction of the inputs to drop, in {@code [0, 1]}
 * @param seed makes the sequence of masks reproducible; {@code null} for a fresh one per session
 * @param noiseShape the shape of the keep mask, broadcast over the input, with {@code null} for the
 *     input's size; {@code null} for the input's shape
 */
@JsonDeserialize(builder = DropoutConfig.Builder.class)
public record DropoutConfig(
    @JsonProperty("rate") double rate,
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("noise_shape") @Nullable List<@Nullable Long> noiseShape) {

  public DropoutConfig {
    checkRate(rate);
    if (noiseShape != null) {
      for (int i = 0; i < noiseShape.size(); i++) {
        Long d = noiseShape.get(i);
        if (d != null && d <= 0) {
          throw new IllegalArgumentException(
              "Invalid value received for argument `noise_shape`. Expected all dimensions to be"
                  + " positive integers or None. Received negative or zero value at index "
                  + i
                  + ": "
                  + d);
        }
      }
      noiseShape = Collections.unmodifiableList(new ArrayList<>(noiseShape));
    }
  }

  /** Keras' check of a dropout rate, shared by the dropout layers. */
  static void checkRate(double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException(
          "Invalid value received for argument `rate`. Expected a float value between 0 and 1."
              + " Received: rate="
              + rate);
    }
  }

  public static Builder builder(double rate) {
    return new Builder().rate(rate);
  }

  public static DropoutConfig of(double rate) {
    return builder(rate).build();
  }

  public Builder toBuilder() {
    return new Builder().rate(rate).seed(seed).noiseShape(noiseShape);
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

    public DropoutConfig build() {
      return new DropoutConfig(rate, seed, noiseShape);
    }
  }
}

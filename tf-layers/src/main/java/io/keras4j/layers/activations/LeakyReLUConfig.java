package io.keras4j.layers.activations;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Config of {@link LeakyReLU}: Keras' {@code LeakyReLU(negative_slope=0.3)}. Keras 2 files name the
 * slope {@code alpha}; it is read as {@code negative_slope} and written back under that name, as
 * Keras 3 does.
 *
 * @param negativeSlope the slope for negative inputs, at least 0
 */
@JsonDeserialize(builder = LeakyReLUConfig.Builder.class)
public record LeakyReLUConfig(@JsonProperty("negative_slope") double negativeSlope) {

  public LeakyReLUConfig {
    if (!(negativeSlope >= 0.0)) {
      throw new IllegalArgumentException(
          "The negative_slope value of a Leaky ReLU layer cannot be None or negative value."
              + " Expected a float. Received: negative_slope="
              + negativeSlope);
    }
  }

  /** Keras' default slope, 0.3. */
  public static LeakyReLUConfig defaults() {
    return new Builder().build();
  }

  public static LeakyReLUConfig of(double negativeSlope) {
    return new LeakyReLUConfig(negativeSlope);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double negativeSlope = 0.3;

    @JsonProperty("negative_slope")
    public Builder negativeSlope(double negativeSlope) {
      this.negativeSlope = negativeSlope;
      return this;
    }

    /** Keras 2's name for {@code negative_slope}. */
    @JsonProperty("alpha")
    public Builder alpha(double alpha) {
      return negativeSlope(alpha);
    }

    public LeakyReLUConfig build() {
      return new LeakyReLUConfig(negativeSlope);
    }
  }
}

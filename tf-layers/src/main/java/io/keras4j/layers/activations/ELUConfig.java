package io.keras4j.layers.activations;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Config of {@link ELU}: Keras' {@code ELU(alpha=1.0)}.
 *
 * @param alpha the scale of the negative part
 */
@JsonDeserialize(builder = ELUConfig.Builder.class)
public record ELUConfig(@JsonProperty("alpha") double alpha) {

  /** Keras' default, {@code alpha=1.0}. */
  public static ELUConfig defaults() {
    return new Builder().build();
  }

  public static ELUConfig of(double alpha) {
    return new ELUConfig(alpha);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double alpha = 1.0;

    @JsonProperty("alpha")
    public Builder alpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    public ELUConfig build() {
      return new ELUConfig(alpha);
    }
  }
}

package io.keras4j.layers.normalization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;

/**
 * Config of {@link UnitNormalization}: Keras' {@code UnitNormalization(axis=-1)}.
 *
 * @param axis the axes whose L2 norm becomes one: an int or a list, written back as given
 */
@JsonDeserialize(builder = UnitNormalizationConfig.Builder.class)
public record UnitNormalizationConfig(@JsonProperty("axis") Axes axis) {

  public UnitNormalizationConfig {
    Objects.requireNonNull(axis, "axis");
  }

  /** Keras' default: normalize the last axis. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().axis(axis);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private Axes axis = Axes.of(-1);

    /** An int or a list of ints, as Keras accepts it. */
    @JsonProperty("axis")
    public Builder axis(Axes axis) {
      this.axis = axis;
      return this;
    }

    /** One axis. */
    public Builder axis(int axis) {
      return axis(Axes.of(axis));
    }

    public UnitNormalizationConfig build() {
      return new UnitNormalizationConfig(axis);
    }
  }
}

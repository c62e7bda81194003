package io.keras4j.layers.normalization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;

/**
 * Config of {@link RMSNormalization}: Keras' {@code RMSNormalization(axis=-1, epsilon=1e-6)}.
 *
 * @param axis the axes to normalize over; once the layer is built, Keras writes them as a sorted
 *     list
 */
@JsonDeserialize(builder = RMSNormalizationConfig.Builder.class)
public record RMSNormalizationConfig(
    @JsonProperty("axis") Axes axis, @JsonProperty("epsilon") double epsilon) {

  public RMSNormalizationConfig {
    Objects.requireNonNull(axis, "axis");
  }

  /** Keras' defaults: the last axis, epsilon 1e-6. */
  public static Builder builder() {
    return new Builder();
  }

  /** The same config with other axes. */
  public RMSNormalizationConfig withAxis(Axes axis) {
    return toBuilder().axis(axis).build();
  }

  public Builder toBuilder() {
    return new Builder().axis(axis).epsilon(epsilon);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private Axes axis = Axes.of(-1);
    private double epsilon = 1e-6;

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

    @JsonProperty("epsilon")
    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    public RMSNormalizationConfig build() {
      return new RMSNormalizationConfig(axis, epsilon);
    }
  }
}

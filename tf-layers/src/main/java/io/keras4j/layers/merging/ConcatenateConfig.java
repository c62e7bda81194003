package io.keras4j.layers.merging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Config of {@link Concatenate}: Keras' {@code Concatenate(axis=-1)}.
 *
 * @param axis the axis to concatenate along; negative values count from the last axis
 */
@JsonDeserialize(builder = ConcatenateConfig.Builder.class)
public record ConcatenateConfig(@JsonProperty("axis") int axis) {

  /** Keras' default: the last axis. */
  public static ConcatenateConfig defaults() {
    return new Builder().build();
  }

  public static ConcatenateConfig of(int axis) {
    return new ConcatenateConfig(axis);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private int axis = -1;

    @JsonProperty("axis")
    public Builder axis(int axis) {
      this.axis = axis;
      return this;
    }

    public ConcatenateConfig build() {
      return new ConcatenateConfig(axis);
    }
  }
}

package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Reshape}: Keras' {@code Reshape(target_shape)}.
 *
 * @param targetShape the output shape without the batch dimension; each entry is {@code >= 0}, and
 *     at most one is {@code -1}, meaning "inferred from the input size"
 */
@JsonDeserialize(builder = ReshapeConfig.Builder.class)
public record ReshapeConfig(@JsonProperty("target_shape") List<Integer> targetShape) {

  public ReshapeConfig {
    if (targetShape == null || targetShape.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "Reshape: `target_shape` is required, a tuple of integers. Received: target_shape="
              + targetShape);
    }
    int unknown = 0;
    for (int d : targetShape) {
      if (d < -1) {
        throw new IllegalArgumentException(
            "Reshape: each dimension in `target_shape` must be a non-negative integer, or `-1`"
                + " for a single unknown dimension. Received: target_shape="
                + targetShape);
      }
      if (d == -1) unknown++;
    }
    if (unknown > 1) {
      throw new IllegalArgumentException(
          "Reshape: there must be at most one unknown dimension (-1) in `target_shape`."
              + " Received: target_shape="
              + targetShape);
    }
    targetShape = List.copyOf(targetShape);
  }

  public static ReshapeConfig of(Integer... targetShape) {
    return new ReshapeConfig(List.of(targetShape));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable List<Integer> targetShape;

    @JsonProperty("target_shape")
    public Builder targetShape(@Nullable List<Integer> targetShape) {
      this.targetShape = targetShape;
      return this;
    }

    public ReshapeConfig build() {
      return new ReshapeConfig(targetShape);
    }
  }
}

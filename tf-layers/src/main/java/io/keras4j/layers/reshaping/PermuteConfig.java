package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Permute}: Keras' {@code Permute(dims)}.
 *
 * @param dims the permutation of the non-batch axes, numbered from 1: {@code (2, 1)} swaps the two
 *     axes after the batch
 */
@JsonDeserialize(builder = PermuteConfig.Builder.class)
public record PermuteConfig(@JsonProperty("dims") List<Integer> dims) {

  public PermuteConfig {
    List<Integer> sorted =
        dims == null || dims.stream().anyMatch(Objects::isNull) ? null : new ArrayList<>(dims);
    boolean valid = sorted != null;
    if (valid) {
      Collections.sort(sorted);
      for (int i = 0; i < sorted.size(); i++) valid &= sorted.get(i) == i + 1;
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims`"
              + " must be consecutive and start from 1. Received dims="
              + dims);
    }
    dims = List.copyOf(dims);
  }

  public static PermuteConfig of(Integer... dims) {
    return new PermuteConfig(List.of(dims));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable List<Integer> dims;

    @JsonProperty("dims")
    public Builder dims(@Nullable List<Integer> dims) {
      this.dims = dims;
      return this;
    }

    public PermuteConfig build() {
      return new PermuteConfig(dims);
    }
  }
}

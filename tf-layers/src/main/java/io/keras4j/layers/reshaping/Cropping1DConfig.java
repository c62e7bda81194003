package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;

/**
 * Config of {@link Cropping1D}: Keras' {@code Cropping1D(cropping=(1, 1))}.
 *
 * @param cropping how many steps to remove at the start and at the end of axis 1; Keras also
 *     accepts one int for both, and writes the pair
 */
@JsonDeserialize(builder = Cropping1DConfig.Builder.class)
public record Cropping1DConfig(@JsonProperty("cropping") List<Integer> cropping) {

  public Cropping1DConfig {
    cropping = ArgumentValidation.tuple("Cropping1D", cropping, 2, "cropping", true);
  }

  /** Keras' default: one step at each end. */
  public static Cropping1DConfig defaults() {
    return new Builder().build();
  }

  public static Cropping1DConfig of(int start, int end) {
    return new Builder().cropping(start, end).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private List<Integer> cropping = List.of(1, 1);

    /** The same number of steps at both ends. */
    public Builder cropping(int both) {
      return cropping(both, both);
    }

    public Builder cropping(int start, int end) {
      this.cropping = List.of(start, end);
      return this;
    }

    /** Keras' forms: an int or a pair of ints. */
    @JsonProperty("cropping")
    Builder croppingFromJson(JsonNode cropping) {
      this.cropping = ArgumentValidation.tuple("Cropping1D", cropping, 2, "cropping", true);
      return this;
    }

    public Cropping1DConfig build() {
      return new Cropping1DConfig(cropping);
    }
  }
}

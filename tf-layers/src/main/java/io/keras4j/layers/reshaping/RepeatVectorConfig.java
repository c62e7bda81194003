package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Config of {@link RepeatVector}: Keras' {@code RepeatVector(n)}.
 *
 * @param n how many times the input is repeated, {@code > 0}
 */
@JsonDeserialize(builder = RepeatVectorConfig.Builder.class)
public record RepeatVectorConfig(@JsonProperty("n") int n) {

  public RepeatVectorConfig {
    if (n <= 0) {
      throw new IllegalArgumentException(
          "RepeatVector: argument `n` should be a positive integer. Received: n=" + n);
    }
  }

  public static RepeatVectorConfig of(int n) {
    return new RepeatVectorConfig(n);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    // Keras has no default for n: a config without it fails validation.
    private int n;

    @JsonProperty("n")
    public Builder n(int n) {
      this.n = n;
      return this;
    }

    public RepeatVectorConfig build() {
      return new RepeatVectorConfig(n);
    }
  }
}

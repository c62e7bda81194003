package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Config of {@link UpSampling1D}: Keras' {@code UpSampling1D(size=2)}.
 *
 * @param size how many times every step is repeated, {@code > 0}
 */
@JsonDeserialize(builder = UpSampling1DConfig.Builder.class)
public record UpSampling1DConfig(@JsonProperty("size") int size) {

  public UpSampling1DConfig {
    if (size <= 0) {
      throw new IllegalArgumentException(
          "UpSampling1D: argument `size` should be a positive integer. Received: size=" + size);
    }
  }

  /** Keras' default: every step twice. */
  public static UpSampling1DConfig defaults() {
    return new Builder().build();
  }

  public static UpSampling1DConfig of(int size) {
    return new UpSampling1DConfig(size);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private int size = 2;

    @JsonProperty("size")
    public Builder size(int size) {
      this.size = size;
      return this;
    }

    public UpSampling1DConfig build() {
      return new UpSampling1DConfig(size);
    }
  }
}

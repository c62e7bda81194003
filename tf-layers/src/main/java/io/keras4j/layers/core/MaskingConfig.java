package io.keras4j.layers.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/** Config of {@link Masking}: Keras' {@code Masking(mask_value=0.0)}. */
@JsonDeserialize(builder = MaskingConfig.Builder.class)
public record MaskingConfig(@JsonProperty("mask_value") double maskValue) {

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().maskValue(maskValue);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double maskValue = 0.0;

    @JsonProperty("mask_value")
    public Builder maskValue(double maskValue) {
      this.maskValue = maskValue;
      return this;
    }

    public MaskingConfig build() {
      return new MaskingConfig(maskValue);
    }
  }
}

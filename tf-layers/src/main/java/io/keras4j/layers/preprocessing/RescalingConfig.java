package io.keras4j.layers.preprocessing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Rescaling}: Keras' {@code Rescaling(scale, offset=0.0)}.
 *
 * @param scale the factor, a number or an array broadcast against the input's last axes
 * @param offset the offset, a number or an array broadcast likewise
 */
@JsonDeserialize(builder = RescalingConfig.Builder.class)
public record RescalingConfig(
    @JsonProperty("scale") ConstantArray scale, @JsonProperty("offset") ConstantArray offset) {

  public RescalingConfig {
    if (scale == null) {
      throw new IllegalArgumentException("Rescaling needs a `scale`; received none");
    }
    Objects.requireNonNull(offset, "offset");
  }

  /** Multiplies by {@code scale}, adds no offset. */
  public static Builder builder(double scale) {
    return new Builder().scale(scale);
  }

  public Builder toBuilder() {
    return new Builder().scale(scale).offset(offset);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable ConstantArray scale;
    private ConstantArray offset = ConstantArray.scalar(0.0);

    @JsonProperty("scale")
    public Builder scale(ConstantArray scale) {
      this.scale = scale;
      return this;
    }

    public Builder scale(double scale) {
      return scale(ConstantArray.scalar(scale));
    }

    @JsonProperty("offset")
    public Builder offset(ConstantArray offset) {
      this.offset = offset;
      return this;
    }

    public Builder offset(double offset) {
      return offset(ConstantArray.scalar(offset));
    }

    @SuppressWarnings("NullAway")
    public RescalingConfig build() {
      return new RescalingConfig(scale, offset);
    }
  }
}

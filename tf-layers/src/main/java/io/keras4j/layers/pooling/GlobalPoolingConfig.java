package io.keras4j.layers.pooling;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.layers.convolutional.DataFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of the global pooling layers: Keras' {@code BaseGlobalPooling(data_format=None,
 * keepdims=False)}.
 *
 * <pre>{@code
 * GlobalPoolingConfig c = GlobalPoolingConfig.builder().keepdims(true).build();
 * }</pre>
 *
 * @param keepdims whether the pooled spatial axes stay, with length 1
 */
@JsonDeserialize(builder = GlobalPoolingConfig.Builder.class)
public record GlobalPoolingConfig(
    @JsonProperty("data_format") DataFormat dataFormat,
    @JsonProperty("keepdims") boolean keepdims) {

  public GlobalPoolingConfig {
    Objects.requireNonNull(dataFormat, "data_format");
  }

  /** Keras' defaults: channels last, spatial axes dropped. */
  public static GlobalPoolingConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().dataFormat(dataFormat).keepdims(keepdims);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private DataFormat dataFormat = DataFormat.CHANNELS_LAST;
    private boolean keepdims;

    /** {@code null} (Keras' {@code data_format=None}) means Keras' default, channels last. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable DataFormat dataFormat) {
      this.dataFormat = dataFormat == null ? DataFormat.CHANNELS_LAST : dataFormat;
      return this;
    }

    @JsonProperty("keepdims")
    public Builder keepdims(boolean keepdims) {
      this.keepdims = keepdims;
      return this;
    }

    public GlobalPoolingConfig build() {
      return new GlobalPoolingConfig(dataFormat, keepdims);
    }
  }
}

package io.keras4j.layers.preprocessing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link CenterCrop}: Keras' {@code CenterCrop(height, width, data_format=None)}.
 *
 * @param dataFormat {@code channels_last} (images {@code (h, w, c)}) or {@code channels_first}
 */
@JsonDeserialize(builder = CenterCropConfig.Builder.class)
public record CenterCropConfig(
    @JsonProperty("height") int height,
    @JsonProperty("width") int width,
    @JsonProperty("data_format") String dataFormat) {

  public CenterCropConfig {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "Expected a positive `height` and `width`. Received: height="
              + height
              + ", width="
              + width);
    }
    Objects.requireNonNull(dataFormat, "data_format");
    if (!dataFormat.equals("channels_last") && !dataFormat.equals("channels_first")) {
      throw new IllegalArgumentException(
          "The `data_format` argument must be one of {'channels_first', 'channels_last'}."
              + " Received: data_format="
              + dataFormat);
    }
  }

  /** Crops to {@code height x width}, channels last. */
  public static Builder builder(int height, int width) {
    return new Builder().height(height).width(width);
  }

  public Builder toBuilder() {
    return new Builder().height(height).width(width).dataFormat(dataFormat);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private int height;
    private int width;
    private String dataFormat = "channels_last";

    @JsonProperty("height")
    public Builder height(int height) {
      this.height = height;
      return this;
    }

    @JsonProperty("width")
    public Builder width(int width) {
      this.width = width;
      return this;
    }

    /** {@code null} takes Keras' default image data format, {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat == null ? "channels_last" : dataFormat;
      return this;
    }

    public CenterCropConfig build() {
      return new CenterCropConfig(height, width, dataFormat);
    }
  }
}

package io.keras4j.layers.preprocessing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Resizing}: Keras' {@code Resizing(height, width, interpolation="bilinear",
 * crop_to_aspect_ratio=False, pad_to_aspect_ratio=False, fill_mode="constant", fill_value=0.0,
 * antialias=False, data_format=None)}.
 *
 * @param interpolation one of {@code bilinear}, {@code nearest}, {@code bicubic}, {@code area},
 *     {@code lanczos3}, {@code lanczos5}
 * @param dataFormat {@code channels_last} (images {@code (h, w, c)}) or {@code channels_first}
 */
@JsonDeserialize(builder = ResizingConfig.Builder.class)
public record ResizingConfig(
    @JsonProperty("height") int height,
    @JsonProperty("width") int width,
    @JsonProperty("interpolation") String interpolation,
    @JsonProperty("crop_to_aspect_ratio") boolean cropToAspectRatio,
    @JsonProperty("pad_to_aspect_ratio") boolean padToAspectRatio,
    @JsonProperty("fill_mode") String fillMode,
    @JsonProperty("fill_value") double fillValue,
    @JsonProperty("antialias") boolean antialias,
    @JsonProperty("data_format") String dataFormat) {

  public ResizingConfig {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "Expected a positive `height` and `width`. Received: height="
              + height
              + ", width="
              + width);
    }
    Objects.requireNonNull(interpolation, "interpolation");
    if (!Images.INTERPOLATIONS.contains(interpolation)) {
      throw new IllegalArgumentException(
          "Invalid value for argument `interpolation`. Expected of one "
              + Images.INTERPOLATIONS
              + ". Received: interpolation="
              + interpolation);
    }
    if (!"constant".equals(fillMode)) {
      throw new IllegalArgumentException(
          "Invalid value for argument `fill_mode`. Only `'constant'` is supported. Received:"
              + " fill_mode="
              + fillMode);
    }
    if (padToAspectRatio && cropToAspectRatio) {
      throw new IllegalArgumentException(
          "Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.");
    }
    Objects.requireNonNull(dataFormat, "data_format");
    if (!dataFormat.equals("channels_last") && !dataFormat.equals("channels_first")) {
      throw new IllegalArgumentException(
          "The `data_format` argument must be one of {'channels_first', 'channels_last'}."
              + " Received: data_format="
              + dataFormat);
    }
  }

  /** Resizes to {@code height x width}, bilinear, channels last. */
  public static Builder builder(int height, int width) {
    return new Builder().height(height).width(width);
  }

  public Builder toBuilder() {
    return new Builder()
        .height(height)
        .width(width)
        .interpolation(interpolation)
        .cropToAspectRatio(cropToAspectRatio)
        .padToAspectRatio(padToAspectRatio)
        .fillMode(fillMode)
        .fillValue(fillValue)
        .antialias(antialias)
        .dataFormat(dataFormat);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private int height;
    private int width;
    private String interpolation = "bilinear";
    private boolean cropToAspectRatio;
    private boolean padToAspectRatio;
    private String fillMode = "constant";
    private double fillValue = 0.0;
    private boolean antialias;
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

    @JsonProperty("interpolation")
    public Builder interpolation(String interpolation) {
      this.interpolation = interpolation;
      return this;
    }

    /** Crops the largest centered window of the target's aspect ratio before resizing. */
    @JsonProperty("crop_to_aspect_ratio")
    public Builder cropToAspectRatio(boolean cropToAspectRatio) {
      this.cropToAspectRatio = cropToAspectRatio;
      return this;
    }

    /** Pads the images with {@code fill_value} to the target's aspect ratio before resizing. */
    @JsonProperty("pad_to_aspect_ratio")
    public Builder padToAspectRatio(boolean padToAspectRatio) {
      this.padToAspectRatio = padToAspectRatio;
      return this;
    }

    @JsonProperty("fill_mode")
    public Builder fillMode(String fillMode) {
      this.fillMode = fillMode;
      return this;
    }

    @JsonProperty("fill_value")
    public Builder fillValue(double fillValue) {
      this.fillValue = fillValue;
      return this;
    }

    @JsonProperty("antialias")
    public Builder antialias(boolean antialias) {
      this.antialias = antialias;
      return this;
    }

    /** {@code null} takes Keras' default image data format, {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat == null ? "channels_last" : dataFormat;
      return this;
    }

    public ResizingConfig build() {
      return new ResizingConfig(
          height,
          width,
          interpolation,
          cropToAspectRatio,
          padToAspectRatio,
          fillMode,
          fillValue,
          antialias,
          dataFormat);
    }
  }
}

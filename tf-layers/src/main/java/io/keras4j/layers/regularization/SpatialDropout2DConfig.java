package io.keras4j.layers.regularization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link SpatialDropout2D}: Keras' {@code SpatialDropout2D(rate, data_format=None,
 * seed=None)}. Keras 2 files also write {@code noise_shape: null}, which is accepted and dropped.
 *
 * @param rate the fraction of the channels to drop, in {@code [0, 1]}
 * @param seed makes the sequence of masks reproducible; {@code null} for a fresh one per session
 * @param dataFormat {@code channels_last} (Keras' default) or {@code channels_first}
 */
@JsonDeserialize(builder = SpatialDropout2DConfig.Builder.class)
public record SpatialDropout2DConfig(
    @JsonProperty("rate") double rate,
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("data_format") String dataFormat) {

  public SpatialDropout2DConfig {
    DropoutConfig.checkRate(rate);
    dataFormat = SpatialDropout2DConfig.standardizeDataFormat(dataFormat);
  }

  public static Builder builder(double rate) {
    return new Builder().rate(rate);
  }

  public static SpatialDropout2DConfig of(double rate) {
    return builder(rate).build();
  }

  /** Keras' {@code standardize_data_format}: lower case, one of the two formats. */
  static String standardizeDataFormat(@Nullable String dataFormat) {
    String f = dataFormat == null ? "channels_last" : dataFormat.toLowerCase(Locale.ROOT);
    if (!f.equals("channels_first") && !f.equals("channels_last")) {
      throw new IllegalArgumentException(
          "The `data_format` argument must be one of {'channels_first', 'channels_last'}."
              + " Received: data_format="
              + dataFormat);
    }
    return f;
  }

  /** Accepts Keras 2's {@code noise_shape: null}; a spatial dropout takes no other value. */
  static void refuseNoiseShape(String layer, @Nullable JsonNode noiseShape) {
    if (noiseShape != null && !noiseShape.isNull()) {
      throw new IllegalArgumentException(
          layer
              + " derives its noise shape from the input and takes no `noise_shape`. Received:"
              + " noise_shape="
              + noiseShape);
    }
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double rate = Double.NaN;
    private @Nullable Long seed;
    private @Nullable String dataFormat;

    /** Required: Keras has no default rate. */
    @JsonProperty("rate")
    public Builder rate(double rate) {
      this.rate = rate;
      return this;
    }

    @JsonProperty("seed")
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    /** {@code null} is Keras' default image data format, {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat;
      return this;
    }

    /** Keras 2 writes {@code noise_shape: null}; the layer derives its noise shape itself. */
    @JsonProperty("noise_shape")
    public Builder noiseShape(@Nullable JsonNode noiseShape) {
      SpatialDropout2DConfig.refuseNoiseShape("SpatialDropout2D", noiseShape);
      return this;
    }

    public SpatialDropout2DConfig build() {
      return new SpatialDropout2DConfig(
          rate, seed, SpatialDropout2DConfig.standardizeDataFormat(dataFormat));
    }
  }
}

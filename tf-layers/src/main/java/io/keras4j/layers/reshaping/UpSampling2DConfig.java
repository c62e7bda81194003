package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link UpSampling2D}: Keras' {@code UpSampling2D(size=(2, 2), data_format=None,
 * interpolation="nearest")}.
 *
 * @param size the factors for rows and columns, each {@code > 0}; Keras also accepts one int for
 *     both, and writes the pair
 * @param dataFormat {@code "channels_last"} (Keras' default) or {@code "channels_first"}
 * @param interpolation {@code "nearest"} (repeat) or {@code "bilinear"} (Keras' {@code
 *     ops.image.resize}); Keras' other resize methods are refused
 */
@JsonDeserialize(builder = UpSampling2DConfig.Builder.class)
public record UpSampling2DConfig(
    @JsonProperty("size") List<Integer> size,
    @JsonProperty("data_format") String dataFormat,
    @JsonProperty("interpolation") String interpolation) {

  static final String NEAREST = "nearest";
  static final String BILINEAR = "bilinear";

  /** Keras' resize methods, in Keras' order. */
  private static final List<String> KERAS_INTERPOLATIONS =
      List.of("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic", "area");

  private static final Set<String> SUPPORTED = Set.of(NEAREST, BILINEAR);

  public UpSampling2DConfig {
    size = ArgumentValidation.tuple("UpSampling2D", size, 2, "size", false);
    dataFormat = ArgumentValidation.dataFormat("UpSampling2D", dataFormat);
    interpolation = interpolation == null ? NEAREST : interpolation.toLowerCase(Locale.ROOT);
    if (!KERAS_INTERPOLATIONS.contains(interpolation)) {
      throw new IllegalArgumentException(
          "UpSampling2D: invalid value for argument `interpolation`. Expected one of "
              + KERAS_INTERPOLATIONS
              + ". Received: interpolation="
              + interpolation);
    }
    if (!SUPPORTED.contains(interpolation)) {
      // Keras' lanczos, bicubic and area resizing differ between Keras' own backends (TensorFlow
      // and PyTorch kernels), so there is no single reference to match.
      throw new UnsupportedOperationException(
          "UpSampling2D: interpolation=\""
              + interpolation
              + "\" is not supported; supported: nearest, bilinear");
    }
  }

  /** Keras' default: factor 2 on both axes, {@code channels_last}, nearest. */
  public static UpSampling2DConfig defaults() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private List<Integer> size = List.of(2, 2);
    private @Nullable String dataFormat = ArgumentValidation.CHANNELS_LAST;
    private @Nullable String interpolation = NEAREST;

    /** The same factor on both axes. */
    public Builder size(int both) {
      return size(both, both);
    }

    public Builder size(int rows, int columns) {
      this.size = List.of(rows, columns);
      return this;
    }

    /** Keras' forms: an int or a pair of ints. */
    @JsonProperty("size")
    Builder sizeFromJson(JsonNode size) {
      this.size = ArgumentValidation.tuple("UpSampling2D", size, 2, "size", false);
      return this;
    }

    /** {@code null} (Keras' {@code None}) means {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat;
      return this;
    }

    @JsonProperty("interpolation")
    public Builder interpolation(@Nullable String interpolation) {
      this.interpolation = interpolation;
      return this;
    }

    public UpSampling2DConfig build() {
      return new UpSampling2DConfig(size, dataFormat, interpolation);
    }
  }
}

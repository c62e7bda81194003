package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Cropping2D}: Keras' {@code Cropping2D(cropping=((0, 0), (0, 0)),
 * data_format=None)}.
 *
 * @param cropping {@code ((top, bottom), (left, right))}; Keras also accepts one int for every side
 *     or {@code (height, width)} for symmetric crops, and writes the pairs
 * @param dataFormat {@code "channels_last"} (Keras' default) or {@code "channels_first"}
 */
@JsonDeserialize(builder = Cropping2DConfig.Builder.class)
public record Cropping2DConfig(
    @JsonProperty("cropping") List<List<Integer>> cropping,
    @JsonProperty("data_format") String dataFormat) {

  public Cropping2DConfig {
    cropping = ArgumentValidation.pairs("Cropping2D", cropping, 2, "cropping");
    dataFormat = ArgumentValidation.dataFormat("Cropping2D", dataFormat);
  }

  /** Keras' default: no cropping, {@code channels_last}. */
  public static Cropping2DConfig defaults() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private List<List<Integer>> cropping = ArgumentValidation.symmetric(2, 0);
    private @Nullable String dataFormat = ArgumentValidation.CHANNELS_LAST;

    /** The same crop on every side. */
    public Builder cropping(int all) {
      this.cropping = ArgumentValidation.symmetric(2, all);
      return this;
    }

    /** Symmetric crops: {@code height} at top and bottom, {@code width} at left and right. */
    public Builder cropping(int height, int width) {
      this.cropping = ArgumentValidation.symmetric(2, height, width);
      return this;
    }

    public Builder cropping(int top, int bottom, int left, int right) {
      this.cropping = List.of(List.of(top, bottom), List.of(left, right));
      return this;
    }

    /** {@code ((top, bottom), (left, right))}. */
    public Builder cropping(List<List<Integer>> pairs) {
      this.cropping = pairs;
      return this;
    }

    /** Keras' forms: an int, a pair of ints or a pair of pairs. */
    @JsonProperty("cropping")
    Builder croppingFromJson(JsonNode cropping) {
      this.cropping = ArgumentValidation.pairs("Cropping2D", cropping, 2, "cropping");
      return this;
    }

    /** {@code null} (Keras' {@code None}) means {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat;
      return this;
    }

    public Cropping2DConfig build() {
      return new Cropping2DConfig(cropping, dataFormat);
    }
  }
}

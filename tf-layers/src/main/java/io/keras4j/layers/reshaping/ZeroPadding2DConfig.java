package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link ZeroPadding2D}: Keras' {@code ZeroPadding2D(padding=(1, 1), data_format=None)}.
 *
 * @param padding {@code ((top, bottom), (left, right))}; Keras also accepts one int for every side
 *     or {@code (height, width)} for symmetric padding, and writes the pairs
 * @param dataFormat {@code "channels_last"} (Keras' default) or {@code "channels_first"}
 */
@JsonDeserialize(builder = ZeroPadding2DConfig.Builder.class)
public record ZeroPadding2DConfig(
    @JsonProperty("padding") List<List<Integer>> padding,
    @JsonProperty("data_format") String dataFormat) {

  public ZeroPadding2DConfig {
    padding = ArgumentValidation.pairs("ZeroPadding2D", padding, 2, "padding");
    dataFormat = ArgumentValidation.dataFormat("ZeroPadding2D", dataFormat);
  }

  /** Keras' default: one zero on every side, {@code channels_last}. */
  public static ZeroPadding2DConfig defaults() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private List<List<Integer>> padding = ArgumentValidation.symmetric(2, 1);
    private @Nullable String dataFormat = ArgumentValidation.CHANNELS_LAST;

    /** The same padding on every side. */
    public Builder padding(int all) {
      this.padding = ArgumentValidation.symmetric(2, all);
      return this;
    }

    /** Symmetric padding: {@code height} at top and bottom, {@code width} at left and right. */
    public Builder padding(int height, int width) {
      this.padding = ArgumentValidation.symmetric(2, height, width);
      return this;
    }

    public Builder padding(int top, int bottom, int left, int right) {
      this.padding = List.of(List.of(top, bottom), List.of(left, right));
      return this;
    }

    /** One {@code (before, after)} pair per spatial axis. */
    public Builder padding(List<List<Integer>> pairs) {
      this.padding = pairs;
      return this;
    }

    /** Keras' forms: an int, a pair of ints or a pair of pairs. */
    @JsonProperty("padding")
    Builder paddingFromJson(JsonNode padding) {
      this.padding = ArgumentValidation.pairs("ZeroPadding2D", padding, 2, "padding");
      return this;
    }

    /** {@code null} (Keras' {@code None}) means {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat;
      return this;
    }

    public ZeroPadding2DConfig build() {
      return new ZeroPadding2DConfig(padding, dataFormat);
    }
  }
}

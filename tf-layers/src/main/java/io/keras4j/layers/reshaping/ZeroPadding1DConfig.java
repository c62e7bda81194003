package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link ZeroPadding1D}: Keras' {@code ZeroPadding1D(padding=1, data_format=None)}.
 *
 * @param padding zeros added at the start and at the end of the steps axis; Keras also accepts one
 *     int for both, and writes the pair
 * @param dataFormat {@code "channels_last"} (Keras' default) or {@code "channels_first"}; Keras 2
 *     configs have no such key and mean {@code channels_last}
 */
@JsonDeserialize(builder = ZeroPadding1DConfig.Builder.class)
public record ZeroPadding1DConfig(
    @JsonProperty("padding") List<Integer> padding,
    @JsonProperty("data_format") String dataFormat) {

  public ZeroPadding1DConfig {
    padding = ArgumentValidation.tuple("ZeroPadding1D", padding, 2, "padding", true);
    dataFormat = ArgumentValidation.dataFormat("ZeroPadding1D", dataFormat);
  }

  /** Keras' default: one zero at each end, {@code channels_last}. */
  public static ZeroPadding1DConfig defaults() {
    return new Builder().build();
  }

  public static ZeroPadding1DConfig of(int start, int end) {
    return new Builder().padding(start, end).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private List<Integer> padding = List.of(1, 1);
    private @Nullable String dataFormat = ArgumentValidation.CHANNELS_LAST;

    /** The same number of zeros at both ends. */
    public Builder padding(int both) {
      return padding(both, both);
    }

    public Builder padding(int start, int end) {
      this.padding = List.of(start, end);
      return this;
    }

    /** Keras' forms: an int or a pair of ints. */
    @JsonProperty("padding")
    Builder paddingFromJson(JsonNode padding) {
      this.padding = ArgumentValidation.tuple("ZeroPadding1D", padding, 2, "padding", true);
      return this;
    }

    /** {@code null} (Keras' {@code None}) means {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat;
      return this;
    }

    public ZeroPadding1DConfig build() {
      return new ZeroPadding1DConfig(padding, dataFormat);
    }
  }
}

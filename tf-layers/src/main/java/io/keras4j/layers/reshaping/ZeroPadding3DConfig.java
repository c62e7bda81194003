package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link ZeroPadding3D}: Keras' {@code ZeroPadding3D(padding=((1, 1), (1, 1), (1, 1)),
 * data_format=None)}.
 *
 * @param padding one {@code (before, after)} pair per spatial axis; Keras also accepts one int for
 *     every side or three ints for symmetric padding, and writes the pairs
 * @param dataFormat {@code "channels_last"} (Keras' default) or {@code "channels_first"}
 */
@JsonDeserialize(builder = ZeroPadding3DConfig.Builder.class)
public record ZeroPadding3DConfig(
    @JsonProperty("padding") List<List<Integer>> padding,
    @JsonProperty("data_format") String dataFormat) {

  public ZeroPadding3DConfig {
    padding = ArgumentValidation.pairs("ZeroPadding3D", padding, 3, "padding");
    dataFormat = ArgumentValidation.dataFormat("ZeroPadding3D", dataFormat);
  }

  /** Keras' default: one zero on every side, {@code channels_last}. */
  public static ZeroPadding3DConfig defaults() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private List<List<Integer>> padding = ArgumentValidation.symmetric(3, 1);
    private @Nullable String dataFormat = ArgumentValidation.CHANNELS_LAST;

    /** The same padding on every side. */
    public Builder padding(int all) {
      this.padding = ArgumentValidation.symmetric(3, all);
      return this;
    }

    /** Symmetric padding per spatial axis. */
    public Builder padding(int dim1, int dim2, int dim3) {
      this.padding = ArgumentValidation.symmetric(3, dim1, dim2, dim3);
      return this;
    }

    /** One {@code (before, after)} pair per spatial axis. */
    public Builder padding(List<List<Integer>> pairs) {
      this.padding = pairs;
      return this;
    }

    /** Keras' forms: an int, three ints or three pairs. */
    @JsonProperty("padding")
    Builder paddingFromJson(JsonNode padding) {
      this.padding = ArgumentValidation.pairs("ZeroPadding3D", padding, 3, "padding");
      return this;
    }

    /** {@code null} (Keras' {@code None}) means {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat;
      return this;
    }

    public ZeroPadding3DConfig build() {
      return new ZeroPadding3DConfig(padding, dataFormat);
    }
  }
}

package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link UpSampling3D}: Keras' {@code UpSampling3D(size=(2, 2, 2), data_format=None)}.
 *
 * @param size the factor of each spatial axis, each {@code > 0}; Keras also accepts one int for all
 *     three, and writes the triple
 * @param dataFormat {@code "channels_last"} (Keras' default) or {@code "channels_first"}
 */
@JsonDeserialize(builder = UpSampling3DConfig.Builder.class)
public record UpSampling3DConfig(
    @JsonProperty("size") List<Integer> size, @JsonProperty("data_format") String dataFormat) {

  public UpSampling3DConfig {
    size = ArgumentValidation.tuple("UpSampling3D", size, 3, "size", false);
    dataFormat = ArgumentValidation.dataFormat("UpSampling3D", dataFormat);
  }

  /** Keras' default: factor 2 on every axis, {@code channels_last}. */
  public static UpSampling3DConfig defaults() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private List<Integer> size = List.of(2, 2, 2);
    private @Nullable String dataFormat = ArgumentValidation.CHANNELS_LAST;

    /** The same factor on every axis. */
    public Builder size(int all) {
      return size(all, all, all);
    }

    public Builder size(int dim1, int dim2, int dim3) {
      this.size = List.of(dim1, dim2, dim3);
      return this;
    }

    /** Keras' forms: an int or three ints. */
    @JsonProperty("size")
    Builder sizeFromJson(JsonNode size) {
      this.size = ArgumentValidation.tuple("UpSampling3D", size, 3, "size", false);
      return this;
    }

    /** {@code null} (Keras' {@code None}) means {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat;
      return this;
    }

    public UpSampling3DConfig build() {
      return new UpSampling3DConfig(size, dataFormat);
    }
  }
}

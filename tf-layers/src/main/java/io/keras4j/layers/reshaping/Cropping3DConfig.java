package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Cropping3D}: Keras' {@code Cropping3D(cropping=((1, 1), (1, 1), (1, 1)),
 * data_format=None)}.
 *
 * @param cropping one {@code (before, after)} pair per spatial axis; Keras also accepts one int for
 *     every side or three ints for symmetric crops, and writes the pairs
 * @param dataFormat {@code "channels_last"} (Keras' default) or {@code "channels_first"}
 */
@JsonDeserialize(builder = Cropping3DConfig.Builder.class)
public record Cropping3DConfig(
    @JsonProperty("cropping") List<List<Integer>> cropping,
    @JsonProperty("data_format") String dataFormat) {

  public Cropping3DConfig {
    cropping = ArgumentValidation.pairs("Cropping3D", cropping, 3, "cropping");
    dataFormat = ArgumentValidation.dataFormat("Cropping3D", dataFormat);
  }

  /** Keras' default: one entry off every side, {@code channels_last}. */
  public static Cropping3DConfig defaults() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private List<List<Integer>> cropping = ArgumentValidation.symmetric(3, 1);
    private @Nullable String dataFormat = ArgumentValidation.CHANNELS_LAST;

    /** The same crop on every side. */
    public Builder cropping(int all) {
      this.cropping = ArgumentValidation.symmetric(3, all);
      return this;
    }

    /** Symmetric crops per spatial axis. */
    public Builder cropping(int dim1, int dim2, int dim3) {
      this.cropping = ArgumentValidation.symmetric(3, dim1, dim2, dim3);
      return this;
    }

    /** One {@code (before, after)} pair per spatial axis. */
    public Builder cropping(List<List<Integer>> pairs) {
      this.cropping = pairs;
      return this;
    }

    /** Keras' forms: an int, three ints or three pairs. */
    @JsonProperty("cropping")
    Builder croppingFromJson(JsonNode cropping) {
      this.cropping = ArgumentValidation.pairs("Cropping3D", cropping, 3, "cropping");
      return this;
    }

    /** {@code null} (Keras' {@code None}) means {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat;
      return this;
    }

    public Cropping3DConfig build() {
      return new Cropping3DConfig(cropping, dataFormat);
    }
  }
}

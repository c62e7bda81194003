package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Flatten}: Keras' {@code Flatten(data_format=None)}.
 *
 * @param dataFormat {@code "channels_last"} (Keras' default) or {@code "channels_first"}
 */
@JsonDeserialize(builder = FlattenConfig.Builder.class)
public record FlattenConfig(@JsonProperty("data_format") String dataFormat) {

  public FlattenConfig {
    dataFormat = ArgumentValidation.dataFormat("Flatten", dataFormat);
  }

  /** Keras' default: {@code channels_last}. */
  public static FlattenConfig defaults() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  boolean channelsFirst() {
    return dataFormat.equals(ArgumentValidation.CHANNELS_FIRST);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable String dataFormat = ArgumentValidation.CHANNELS_LAST;

    /** {@code null} (Keras' {@code None}) means {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat;
      return this;
    }

    public FlattenConfig build() {
      return new FlattenConfig(dataFormat);
    }
  }
}

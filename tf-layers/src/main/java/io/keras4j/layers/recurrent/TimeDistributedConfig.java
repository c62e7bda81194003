package io.keras4j.layers.recurrent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.layers.Layer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link TimeDistributed}: Keras' {@code TimeDistributed(layer)}, the wrapped layer saved
 * as a nested layer under {@code layer}. Two configs are equal when their layers are of the same
 * class with the same name and config.
 */
@JsonDeserialize(builder = TimeDistributedConfig.Builder.class)
public record TimeDistributedConfig(@JsonProperty("layer") Layer layer) {

  public TimeDistributedConfig {
    Objects.requireNonNull(layer, "layer");
  }

  public static Builder builder(Layer layer) {
    return new Builder().layer(layer);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TimeDistributedConfig c && NestedLayers.equal(layer, c.layer);
  }

  @Override
  public int hashCode() {
    return NestedLayers.hash(layer);
  }

  /** Reads the config from JSON; {@code layer} has no default. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Layer layer;

    @JsonProperty("layer")
    public Builder layer(Layer layer) {
      this.layer = layer;
      return this;
    }

    public TimeDistributedConfig build() {
      return new TimeDistributedConfig(layer);
    }
  }
}

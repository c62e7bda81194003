package io.keras4j.layers.recurrent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.layers.Layer;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Bidirectional}: Keras' {@code Bidirectional(layer, merge_mode="concat",
 * backward_layer=None)}. The wrapped layers are saved as nested layers; Keras writes the forward
 * copy under {@code layer}.
 *
 * <p>{@code merge_mode} is one of {@code "concat"}, {@code "sum"}, {@code "mul"}, {@code "ave"} or
 * {@code null} (the two outputs returned separately). Two configs are equal when their layers are
 * of the same classes with the same names and configs.
 */
@JsonDeserialize(builder = BidirectionalConfig.Builder.class)
public record BidirectionalConfig(
    @JsonProperty("merge_mode") @Nullable String mergeMode,
    @JsonProperty("layer") Layer layer,
    @JsonProperty("backward_layer") @Nullable Layer backwardLayer) {

  private static final Set<String> MERGE_MODES = Set.of("sum", "mul", "ave", "concat");

  public BidirectionalConfig {
    if (mergeMode != null && !MERGE_MODES.contains(mergeMode)) {
      throw new IllegalArgumentException(
          "Invalid merge mode. Received: "
              + mergeMode
              + ". Merge mode should be one of {\"sum\", \"mul\", \"ave\", \"concat\", None}");
    }
    Objects.requireNonNull(layer, "layer");
    if (!(layer instanceof RecurrentLayer)) {
      throw new IllegalArgumentException(
          "Please initialize `Bidirectional` layer with a recurrent layer (RNN, SimpleRNN, LSTM,"
              + " GRU, ...). Received: "
              + layer);
    }
    if (backwardLayer != null && !(backwardLayer instanceof RecurrentLayer)) {
      throw new IllegalArgumentException(
          "`backward_layer` need to be a recurrent layer (RNN, SimpleRNN, LSTM, GRU, ...)."
              + " Received: "
              + backwardLayer);
    }
  }

  public static Builder builder(RecurrentLayer layer) {
    return new Builder().layer(layer);
  }

  public Builder toBuilder() {
    return new Builder().mergeMode(mergeMode).layer(layer).backwardLayer(backwardLayer);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BidirectionalConfig c
        && Objects.equals(mergeMode, c.mergeMode)
        && NestedLayers.equal(layer, c.layer)
        && NestedLayers.equal(backwardLayer, c.backwardLayer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mergeMode, NestedLayers.hash(layer), NestedLayers.hash(backwardLayer));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable String mergeMode = "concat";
    private @Nullable Layer layer;
    private @Nullable Layer backwardLayer;

    /** {@code null} (Keras' {@code None}) returns the forward and backward outputs separately. */
    @JsonProperty("merge_mode")
    public Builder mergeMode(@Nullable String mergeMode) {
      this.mergeMode = mergeMode;
      return this;
    }

    @JsonProperty("layer")
    public Builder layer(Layer layer) {
      this.layer = layer;
      return this;
    }

    @JsonProperty("backward_layer")
    public Builder backwardLayer(@Nullable Layer backwardLayer) {
      this.backwardLayer = backwardLayer;
      return this;
    }

    public BidirectionalConfig build() {
      return new BidirectionalConfig(mergeMode, layer, backwardLayer);
    }
  }
}

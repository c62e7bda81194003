package io.keras4j.layers.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.layers.DTypePolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link InputLayer}: Keras' {@code InputLayer(batch_shape, dtype, sparse, ragged, name,
 * optional)}. Keras 2's {@code batch_input_shape} is read as {@code batch_shape}.
 *
 * @param batchShape the input's shape including the batch dimension; {@code null} entries are
 *     unknown
 */
@JsonDeserialize(builder = InputLayerConfig.Builder.class)
public record InputLayerConfig(
    @JsonProperty("batch_shape") List<@Nullable Long> batchShape,
    @JsonProperty("dtype") String dtype,
    @JsonProperty("sparse") boolean sparse,
    @JsonProperty("ragged") boolean ragged,
    @JsonProperty("name") @Nullable String name,
    @JsonProperty("optional") boolean optional) {

  public InputLayerConfig {
    if (batchShape == null || batchShape.isEmpty()) {
      throw new IllegalArgumentException(
          "InputLayer needs a batch_shape with at least the batch dimension, received "
              + batchShape);
    }
    batchShape = Collections.unmodifiableList(new ArrayList<>(batchShape));
    DTypePolicy.dtype(dtype);
    if (sparse) {
      throw new UnsupportedOperationException("InputLayer(sparse=True) is not supported");
    }
    if (ragged) {
      throw new UnsupportedOperationException("InputLayer(ragged=True) is not supported");
    }
  }

  /** An input of the given batch shape ({@code null} for unknown dimensions), float32. */
  public static Builder builder(List<@Nullable Long> batchShape) {
    return new Builder().batchShape(batchShape);
  }

  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable List<@Nullable Long> batchShape;
    private String dtype = "float32";
    private boolean sparse;
    private boolean ragged;
    private @Nullable String name;
    private boolean optional;

    @JsonProperty("batch_shape")
    public Builder batchShape(List<@Nullable Long> batchShape) {
      this.batchShape = batchShape;
      return this;
    }

    /** Keras 2's name for {@code batch_shape}. */
    @JsonProperty("batch_input_shape")
    public Builder batchInputShape(List<@Nullable Long> batchShape) {
      return batchShape(batchShape);
    }

    @JsonProperty("dtype")
    public Builder dtype(String dtype) {
      this.dtype = dtype;
      return this;
    }

    @JsonProperty("sparse")
    public Builder sparse(boolean sparse) {
      this.sparse = sparse;
      return this;
    }

    @JsonProperty("ragged")
    public Builder ragged(boolean ragged) {
      this.ragged = ragged;
      return this;
    }

    @JsonProperty("name")
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    @JsonProperty("optional")
    public Builder optional(boolean optional) {
      this.optional = optional;
      return this;
    }

    @SuppressWarnings("NullAway")
    public InputLayerConfig build() {
      return new InputLayerConfig(batchShape, dtype, sparse, ragged, name, optional);
    }
  }
}

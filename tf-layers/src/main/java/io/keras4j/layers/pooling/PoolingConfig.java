package io.keras4j.layers.pooling;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.layers.convolutional.DataFormat;
import io.keras4j.layers.convolutional.Padding;
import io.keras4j.layers.convolutional.internal.KerasTuple;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of the max and average pooling layers: Keras' {@code BasePooling(pool_size, strides=None,
 * padding="valid", data_format=None)}.
 *
 * <p>{@code pool_size} and {@code strides} may be given as one value for every spatial axis (Keras'
 * int); the layer stores them as a tuple of its rank, as Keras writes them. {@code strides}
 * defaults to {@code pool_size}.
 *
 * <pre>{@code
 * PoolingConfig c = PoolingConfig.builder(3, 3).strides(2).padding(Padding.SAME).build();
 * }</pre>
 */
@JsonDeserialize(builder = PoolingConfig.Builder.class)
public record PoolingConfig(
    @JsonProperty("pool_size") List<Integer> poolSize,
    @JsonProperty("padding") Padding padding,
    @JsonProperty("strides") List<Integer> strides,
    @JsonProperty("data_format") DataFormat dataFormat) {

  public PoolingConfig {
    Objects.requireNonNull(poolSize, "pool_size");
    Objects.requireNonNull(padding, "padding");
    Objects.requireNonNull(strides, "strides");
    Objects.requireNonNull(dataFormat, "data_format");
    poolSize = KerasTuple.copyOf(poolSize);
    strides = KerasTuple.copyOf(strides);
    if (poolSize.isEmpty()) {
      throw new IllegalArgumentException("The `pool_size` argument is required.");
    }
    KerasTuple.requirePositive(poolSize, "pool_size", false);
    // Keras parity: Keras accepts zero strides here and fails when the op runs; refuse them early.
    KerasTuple.requirePositive(strides, "strides", false);
    if (padding == Padding.CAUSAL) {
      throw new IllegalArgumentException(
          "Argument `padding` must be either 'valid' or 'same'. Received: padding=causal");
    }
  }

  /** This config for a layer of the given spatial rank: tuples standardized to {@code rank}. */
  PoolingConfig forRank(int rank) {
    return new PoolingConfig(
        KerasTuple.standardize(poolSize, rank, "pool_size"),
        padding,
        KerasTuple.standardize(strides, rank, "strides"),
        dataFormat);
  }

  /** A config with Keras' defaults, windows of 2 (Keras' max pooling default) included. */
  public static Builder builder() {
    return new Builder();
  }

  /** A config with Keras' defaults for windows of the given size. */
  public static Builder builder(int... poolSize) {
    return new Builder().poolSize(poolSize);
  }

  public Builder toBuilder() {
    return new Builder()
        .poolSize(KerasTuple.ints(poolSize))
        .padding(padding)
        .strides(KerasTuple.ints(strides))
        .dataFormat(dataFormat);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private List<Integer> poolSize = KerasTuple.of(2);
    private Padding padding = Padding.VALID;
    private @Nullable List<Integer> strides;
    private DataFormat dataFormat = DataFormat.CHANNELS_LAST;

    /**
     * One value per spatial axis, or one value for all of them; Keras' max pooling default is 2.
     */
    @JsonProperty("pool_size")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public Builder poolSize(int... poolSize) {
      this.poolSize = KerasTuple.of(poolSize);
      return this;
    }

    @JsonProperty("padding")
    public Builder padding(Padding padding) {
      this.padding = padding;
      return this;
    }

    /** {@code null} (Keras' default) means {@code pool_size}. */
    @JsonProperty("strides")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public Builder strides(int @Nullable ... strides) {
      this.strides = strides == null ? null : KerasTuple.of(strides);
      return this;
    }

    /** {@code null} (Keras' {@code data_format=None}) means Keras' default, channels last. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable DataFormat dataFormat) {
      this.dataFormat = dataFormat == null ? DataFormat.CHANNELS_LAST : dataFormat;
      return this;
    }

    public PoolingConfig build() {
      return new PoolingConfig(poolSize, padding, strides == null ? poolSize : strides, dataFormat);
    }
  }
}

package io.keras4j.layers.pooling;

import io.keras4j.layers.LayerArgs;

/**
 * 1-D max pooling: the maximum of each window, per channel. Keras' {@code
 * keras.layers.MaxPooling1D}.
 *
 * <p>Along each spatial axis an input of {@code n} cells gives {@code floor((n - pool_size) /
 * strides) + 1} cells with {@code valid} padding, {@code floor((n - 1) / strides) + 1} with {@code
 * same}.
 *
 * <p>Input {@code (batch, steps, channels)} (or {@code (batch, channels, steps)} for {@code
 * channels_first}), output {@code (batch, pooled_steps, channels)}. No weights.
 *
 * <pre>{@code
 * KerasTensor y = new MaxPooling1D(PoolingConfig.builder(2).build()).apply(Input.of(9, 3)); // (None, 4, 3)
 * }</pre>
 */
public final class MaxPooling1D extends BasePooling {

  public MaxPooling1D(PoolingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public MaxPooling1D(PoolingConfig config, LayerArgs args) {
    super(1, PoolMode.MAX, config, args);
  }
}

package io.keras4j.layers.pooling;

import io.keras4j.layers.LayerArgs;

/**
 * 3-D max pooling: the maximum of each window, per channel. Keras' {@code
 * keras.layers.MaxPooling3D}.
 *
 * <p>Along each spatial axis an input of {@code n} cells gives {@code floor((n - pool_size) /
 * strides) + 1} cells with {@code valid} padding, {@code floor((n - 1) / strides) + 1} with {@code
 * same}.
 *
 * <p>Input {@code (batch, d1, d2, d3, channels)} (or {@code (batch, channels, d1, d2, d3)} for
 * {@code channels_first}), output {@code (batch, pooled_d1, pooled_d2, pooled_d3, channels)}. No
 * weights.
 *
 * <pre>{@code
 * KerasTensor y = new MaxPooling3D(PoolingConfig.builder(2, 2, 2).build()).apply(Input.of(4, 4, 4, 2)); // (None, 2, 2, 2, 2)
 * }</pre>
 */
public final class MaxPooling3D extends BasePooling {

  public MaxPooling3D(PoolingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public MaxPooling3D(PoolingConfig config, LayerArgs args) {
    super(3, PoolMode.MAX, config, args);
  }
}

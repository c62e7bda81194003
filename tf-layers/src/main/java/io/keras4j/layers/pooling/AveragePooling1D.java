package io.keras4j.layers.pooling;

import io.keras4j.layers.LayerArgs;

/**
 * 1-D average pooling: the average of each window, per channel (with {@code same} padding, of the
 * cells inside the input only). Keras' {@code keras.layers.AveragePooling1D}.
 *
 * <p>Along each spatial axis an input of {@code n} cells gives {@code floor((n - pool_size) /
 * strides) + 1} cells with {@code valid} padding, {@code floor((n - 1) / strides) + 1} with {@code
 * same}.
 *
 * <p>Input {@code (batch, steps, channels)} (or {@code (batch, channels, steps)} for {@code
 * channels_first}), output {@code (batch, pooled_steps, channels)}. No weights.
 *
 * <pre>{@code
 * KerasTensor y = new AveragePooling1D(PoolingConfig.builder(2).build()).apply(Input.of(9, 3)); // (None, 4, 3)
 * }</pre>
 */
public final class AveragePooling1D extends BasePooling {

  public AveragePooling1D(PoolingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public AveragePooling1D(PoolingConfig config, LayerArgs args) {
    super(1, PoolMode.AVERAGE, config, args);
  }
}

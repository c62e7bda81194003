package io.keras4j.layers.pooling;

import io.keras4j.layers.LayerArgs;

/**
 * 3-D average pooling: the average of each window, per channel (with {@code same} padding, of the
 * cells inside the input only). Keras' {@code keras.layers.AveragePooling3D}.
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
 * KerasTensor y = new AveragePooling3D(PoolingConfig.builder(2, 2, 2).build()).apply(Input.of(4, 4, 4, 2)); // (None, 2, 2, 2, 2)
 * }</pre>
 */
public final class AveragePooling3D extends BasePooling {

  public AveragePooling3D(PoolingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public AveragePooling3D(PoolingConfig config, LayerArgs args) {
    super(3, PoolMode.AVERAGE, config, args);
  }
}

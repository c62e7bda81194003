package io.keras4j.layers.pooling;

import io.keras4j.layers.LayerArgs;

/**
 * Global 3-D average pooling: the mean over all spatial positions, per channel. Keras' {@code
 * keras.layers.GlobalAveragePooling3D}.
 *
 * <p>Input {@code (batch, d1, d2, d3, channels)} (or {@code (batch, channels, d1, d2, d3)} for
 * {@code channels_first}), output {@code (batch, channels)}, or {@code (batch, 1, 1, 1, channels)}
 * with {@code keepdims}. No weights.
 *
 * <pre>{@code
 * KerasTensor y = new GlobalAveragePooling3D(GlobalPoolingConfig.defaults()).apply(Input.of(4, 4, 4, 2)); // (None, 2)
 * }</pre>
 */
public final class GlobalAveragePooling3D extends BaseGlobalPooling {

  public GlobalAveragePooling3D(GlobalPoolingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public GlobalAveragePooling3D(GlobalPoolingConfig config, LayerArgs args) {
    super(3, PoolMode.AVERAGE, config, args);
  }
}

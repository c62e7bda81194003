package io.keras4j.layers.pooling;

import io.keras4j.layers.LayerArgs;

/**
 * Global 2-D max pooling: the maximum over all spatial positions, per channel. Keras' {@code
 * keras.layers.GlobalMaxPooling2D}.
 *
 * <p>Input {@code (batch, rows, cols, channels)} (or {@code (batch, channels, rows, cols)} for
 * {@code channels_first}), output {@code (batch, channels)}, or {@code (batch, 1, 1, channels)}
 * with {@code keepdims}. No weights.
 *
 * <pre>{@code
 * KerasTensor y = new GlobalMaxPooling2D(GlobalPoolingConfig.builder().keepdims(true).build())
 *     .apply(Input.of(5, 4, 3)); // (None, 1, 1, 3)
 * }</pre>
 */
public final class GlobalMaxPooling2D extends BaseGlobalPooling {

  public GlobalMaxPooling2D(GlobalPoolingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public GlobalMaxPooling2D(GlobalPoolingConfig config, LayerArgs args) {
    super(2, PoolMode.MAX, config, args);
  }
}

package io.keras4j.layers.pooling;

import io.keras4j.layers.LayerArgs;

/**
 * Global 1-D max pooling: the maximum over all steps, per channel. Keras' {@code
 * keras.layers.GlobalMaxPooling1D}.
 *
 * <p>Input {@code (batch, steps, channels)} (or {@code (batch, channels, steps)} for {@code
 * channels_first}), output {@code (batch, channels)}, or {@code (batch, 1, channels)} with {@code
 * keepdims}. No weights.
 *
 * <pre>{@code
 * KerasTensor y = new GlobalMaxPooling1D(GlobalPoolingConfig.defaults()).apply(Input.of(6, 4)); // (None, 4)
 * }</pre>
 */
public final class GlobalMaxPooling1D extends BaseGlobalPooling {

  public GlobalMaxPooling1D(GlobalPoolingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public GlobalMaxPooling1D(GlobalPoolingConfig config, LayerArgs args) {
    super(1, PoolMode.MAX, config, args);
  }
}

package io.keras4j.layers.convolutional;

import io.keras4j.layers.LayerArgs;

/**
 * 2-D convolution: {@code activation(conv(x, kernel) + bias)}, Keras' {@code keras.layers.Conv2D}.
 *
 * <p>Input {@code (batch, rows, cols, channels)} (or {@code (batch, channels, rows, cols)} for
 * {@code channels_first}), output {@code (batch, new_rows, new_cols, filters)}. Weights: {@code
 * kernel} {@code (rows, cols, channels / groups, filters)}, then {@code bias} {@code (filters,)}
 * when {@code use_bias}.
 *
 * <pre>{@code
 * Conv2D conv = new Conv2D(ConvConfig.builder(8, 3, 3).strides(2).padding(Padding.SAME).build());
 * KerasTensor y = conv.apply(Input.of(9, 8, 3)); // (None, 5, 4, 8)
 * }</pre>
 */
public final class Conv2D extends BaseConv {

  public Conv2D(ConvConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Conv2D(ConvConfig config, LayerArgs args) {
    super(2, config, args);
  }
}

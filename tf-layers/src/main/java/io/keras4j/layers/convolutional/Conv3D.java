package io.keras4j.layers.convolutional;

import io.keras4j.layers.LayerArgs;

/**
 * 3-D convolution: {@code activation(conv(x, kernel) + bias)}, Keras' {@code keras.layers.Conv3D}.
 *
 * <p>Input {@code (batch, d1, d2, d3, channels)} (or {@code (batch, channels, d1, d2, d3)} for
 * {@code channels_first}), output {@code (batch, new_d1, new_d2, new_d3, filters)}. Weights: {@code
 * kernel} {@code (k1, k2, k3, channels / groups, filters)}, then {@code bias} {@code (filters,)}
 * when {@code use_bias}.
 *
 * <p>TensorFlow registers no gradient for its {@code Conv3D} op, so a model with this layer
 * predicts but cannot be trained through it yet.
 *
 * <pre>{@code
 * Conv3D conv = new Conv3D(ConvConfig.builder(3, 2, 2, 2).build());
 * KerasTensor y = conv.apply(Input.of(5, 5, 5, 2)); // (None, 4, 4, 4, 3)
 * }</pre>
 */
public final class Conv3D extends BaseConv {

  public Conv3D(ConvConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Conv3D(ConvConfig config, LayerArgs args) {
    super(3, config, args);
  }
}

package io.keras4j.layers.convolutional;

import io.keras4j.layers.LayerArgs;

/**
 * 1-D depthwise convolution: each input channel {@code c} convolved with its own {@code
 * depth_multiplier} filters into output channels {@code c * depth_multiplier + m}, then {@code +
 * bias} and the activation. Keras' {@code keras.layers.DepthwiseConv1D}.
 *
 * <p>Input {@code (batch, steps, channels)} (or {@code (batch, channels, steps)} for {@code
 * channels_first}), output {@code (batch, new_steps, channels * depth_multiplier)}. Weights: {@code
 * kernel} {@code (kernel_size, channels, depth_multiplier)}, then {@code bias} {@code (channels *
 * depth_multiplier,)} when {@code use_bias}.
 *
 * <pre>{@code
 * DepthwiseConv1D dw = new DepthwiseConv1D(DepthwiseConvConfig.builder(3).build());
 * KerasTensor y = dw.apply(Input.of(9, 3)); // (None, 7, 3)
 * }</pre>
 */
public final class DepthwiseConv1D extends BaseDepthwiseConv {

  public DepthwiseConv1D(DepthwiseConvConfig config) {
    this(config, LayerArgs.defaults());
  }

  public DepthwiseConv1D(DepthwiseConvConfig config, LayerArgs args) {
    super(1, config, args);
  }
}

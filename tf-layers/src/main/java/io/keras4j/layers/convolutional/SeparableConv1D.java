package io.keras4j.layers.convolutional;

import io.keras4j.layers.LayerArgs;

/**
 * 1-D separable convolution: a depthwise convolution (each input channel with its own {@code
 * depth_multiplier} filters), then a pointwise convolution mixing the channels into {@code
 * filters}, then {@code + bias} and the activation. Keras' {@code keras.layers.SeparableConv1D}.
 *
 * <p>Input {@code (batch, steps, channels)} (or {@code (batch, channels, steps)} for {@code
 * channels_first}), output {@code (batch, new_steps, filters)}. Weights: {@code depthwise_kernel}
 * {@code (kernel_size, channels, depth_multiplier)}, {@code pointwise_kernel} {@code (1, channels *
 * depth_multiplier, filters)}, then {@code bias} {@code (filters,)} when {@code use_bias}.
 *
 * <pre>{@code
 * SeparableConv1D sep = new SeparableConv1D(SeparableConvConfig.builder(4, 3).build());
 * KerasTensor y = sep.apply(Input.of(9, 3)); // (None, 7, 4)
 * }</pre>
 */
public final class SeparableConv1D extends BaseSeparableConv {

  public SeparableConv1D(SeparableConvConfig config) {
    this(config, LayerArgs.defaults());
  }

  public SeparableConv1D(SeparableConvConfig config, LayerArgs args) {
    super(1, config, args);
  }
}

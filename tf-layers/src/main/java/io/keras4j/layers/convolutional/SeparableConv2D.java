package io.keras4j.layers.convolutional;

import io.keras4j.layers.LayerArgs;

/**
 * 2-D separable convolution: a depthwise convolution (each input channel with its own {@code
 * depth_multiplier} filters), then a pointwise convolution mixing the channels into {@code
 * filters}, then {@code + bias} and the activation. Keras' {@code keras.layers.SeparableConv2D}.
 *
 * <p>Input {@code (batch, rows, cols, channels)} (or {@code (batch, channels, rows, cols)} for
 * {@code channels_first}), output {@code (batch, new_rows, new_cols, filters)}. Weights: {@code
 * depthwise_kernel} {@code (rows, cols, channels, depth_multiplier)}, {@code pointwise_kernel}
 * {@code (1, 1, channels * depth_multiplier, filters)}, then {@code bias} {@code (filters,)} when
 * {@code use_bias}.
 *
 * <pre>{@code
 * SeparableConv2D sep = new SeparableConv2D(SeparableConvConfig.builder(5, 3, 3).build());
 * KerasTensor y = sep.apply(Input.of(8, 8, 3)); // (None, 6, 6, 5)
 * }</pre>
 */
public final class SeparableConv2D extends BaseSeparableConv {

  public SeparableConv2D(SeparableConvConfig config) {
    this(config, LayerArgs.defaults());
  }

  public SeparableConv2D(SeparableConvConfig config, LayerArgs args) {
    super(2, config, args);
  }
}

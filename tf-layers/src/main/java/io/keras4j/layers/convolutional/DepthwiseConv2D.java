package io.keras4j.layers.convolutional;

import io.keras4j.layers.LayerArgs;

/**
 * 2-D depthwise convolution: each input channel {@code c} convolved with its own {@code
 * depth_multiplier} filters into output channels {@code c * depth_multiplier + m}, then {@code +
 * bias} and the activation. Keras' {@code keras.layers.DepthwiseConv2D}.
 *
 * <p>Input {@code (batch, rows, cols, channels)} (or {@code (batch, channels, rows, cols)} for
 * {@code channels_first}), output {@code (batch, new_rows, new_cols, channels * depth_multiplier)}.
 * Weights: {@code kernel} {@code (rows, cols, channels, depth_multiplier)}, then {@code bias}
 * {@code (channels * depth_multiplier,)} when {@code use_bias}.
 *
 * <pre>{@code
 * DepthwiseConv2D dw =
 *     new DepthwiseConv2D(
 *         DepthwiseConvConfig.builder(3, 3).depthMultiplier(2).padding(Padding.SAME).build());
 * KerasTensor y = dw.apply(Input.of(7, 7, 3)); // (None, 7, 7, 6)
 * }</pre>
 */
public final class DepthwiseConv2D extends BaseDepthwiseConv {

  public DepthwiseConv2D(DepthwiseConvConfig config) {
    this(config, LayerArgs.defaults());
  }

  public DepthwiseConv2D(DepthwiseConvConfig config, LayerArgs args) {
    super(2, config, args);
  }
}

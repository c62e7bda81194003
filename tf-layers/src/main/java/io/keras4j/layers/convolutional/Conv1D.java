package io.keras4j.layers.convolutional;

import io.keras4j.layers.LayerArgs;

/**
 * 1-D convolution: {@code activation(conv(x, kernel) + bias)}, Keras' {@code keras.layers.Conv1D}.
 *
 * <p>Input {@code (batch, steps, channels)} (or {@code (batch, channels, steps)} for {@code
 * channels_first}), output {@code (batch, new_steps, filters)}. Weights: {@code kernel} {@code
 * (kernel_size, channels / groups, filters)}, then {@code bias} {@code (filters,)} when {@code
 * use_bias}.
 *
 * <p>{@code padding="causal"} pads {@code dilation_rate * (kernel_size - 1)} steps before the
 * sequence, so that output {@code t} sees no input after {@code t}. As Keras' TensorFlow backend,
 * the convolution runs as a 2-D one over a height of one.
 *
 * <pre>{@code
 * Conv1D conv = new Conv1D(ConvConfig.builder(4, 3).padding(Padding.CAUSAL).dilationRate(2).build());
 * KerasTensor y = conv.apply(Input.of(12, 3)); // (None, 12, 4)
 * }</pre>
 */
public final class Conv1D extends BaseConv {

  public Conv1D(ConvConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Conv1D(ConvConfig config, LayerArgs args) {
    super(1, config, args);
  }
}

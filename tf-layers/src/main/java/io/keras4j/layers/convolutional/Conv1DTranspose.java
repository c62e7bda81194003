package io.keras4j.layers.convolutional;

import io.keras4j.layers.LayerArgs;

/**
 * 1-D transposed convolution (sometimes called deconvolution): the gradient of a {@code Conv1D}
 * with respect to its input, then {@code + bias} and the activation. Keras' {@code
 * keras.layers.Conv1DTranspose}.
 *
 * <p>Along each spatial axis an input of {@code n} cells gives {@code (n - 1) * stride +
 * effective_kernel + extra} cells with {@code valid} padding ({@code extra} is {@code
 * output_padding}, or {@code max(effective_kernel, stride) - effective_kernel} when it is null),
 * {@code n * stride} with {@code same} padding and no {@code output_padding}.
 *
 * <p>Input {@code (batch, steps, channels)} (or {@code (batch, channels, steps)} for {@code
 * channels_first}), output {@code (batch, new_steps, filters)}. Weights: {@code kernel} {@code
 * (kernel_size, filters, channels)}, then {@code bias} {@code (filters,)} when {@code use_bias}.
 *
 * <pre>{@code
 * Conv1DTranspose up = new Conv1DTranspose(ConvTransposeConfig.builder(3, 3).strides(2).build());
 * KerasTensor y = up.apply(Input.of(6, 4)); // (None, 13, 3)
 * }</pre>
 */
public final class Conv1DTranspose extends BaseConvTranspose {

  public Conv1DTranspose(ConvTransposeConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Conv1DTranspose(ConvTransposeConfig config, LayerArgs args) {
    super(1, config, args);
  }
}

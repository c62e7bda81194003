package io.keras4j.layers.convolutional;

import io.keras4j.layers.LayerArgs;

/**
 * 2-D transposed convolution (sometimes called deconvolution): the gradient of a {@code Conv2D}
 * with respect to its input, then {@code + bias} and the activation. Keras' {@code
 * keras.layers.Conv2DTranspose}.
 *
 * <p>Along each spatial axis an input of {@code n} cells gives {@code (n - 1) * stride +
 * effective_kernel + extra} cells with {@code valid} padding ({@code extra} is {@code
 * output_padding}, or {@code max(effective_kernel, stride) - effective_kernel} when it is null),
 * {@code n * stride} with {@code same} padding and no {@code output_padding}.
 *
 * <p>Input {@code (batch, rows, cols, channels)} (or {@code (batch, channels, rows, cols)} for
 * {@code channels_first}), output {@code (batch, new_rows, new_cols, filters)}. Weights: {@code
 * kernel} {@code (rows, cols, filters, channels)}, then {@code bias} {@code (filters,)} when {@code
 * use_bias}.
 *
 * <pre>{@code
 * Conv2DTranspose up = new Conv2DTranspose(
 *     ConvTransposeConfig.builder(3, 3, 3).strides(2).padding(Padding.SAME).build());
 * KerasTensor y = up.apply(Input.of(5, 5, 4)); // (None, 10, 10, 3)
 * }</pre>
 */
public final class Conv2DTranspose extends BaseConvTranspose {

  public Conv2DTranspose(ConvTransposeConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Conv2DTranspose(ConvTransposeConfig config, LayerArgs args) {
    super(2, config, args);
  }
}

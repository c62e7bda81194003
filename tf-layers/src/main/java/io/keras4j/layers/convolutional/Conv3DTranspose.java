package io.keras4j.layers.convolutional;

import io.keras4j.layers.LayerArgs;

/**
 * 3-D transposed convolution (sometimes called deconvolution): the gradient of a {@code Conv3D}
 * with respect to its input, then {@code + bias} and the activation. Keras' {@code
 * keras.layers.Conv3DTranspose}.
 *
 * <p>Along each spatial axis an input of {@code n} cells gives {@code (n - 1) * stride +
 * effective_kernel + extra} cells with {@code valid} padding ({@code extra} is {@code
 * output_padding}, or {@code max(effective_kernel, stride) - effective_kernel} when it is null),
 * {@code n * stride} with {@code same} padding and no {@code output_padding}.
 *
 * <p>Input {@code (batch, d1, d2, d3, channels)} (or {@code (batch, channels, d1, d2, d3)} for
 * {@code channels_first}), output {@code (batch, new_d1, new_d2, new_d3, filters)}. Weights: {@code
 * kernel} {@code (k1, k2, k3, filters, channels)}, then {@code bias} {@code (filters,)} when {@code
 * use_bias}.
 *
 * <p>TensorFlow registers no gradient for its {@code Conv3DBackpropInputV2} op, so a model with
 * this layer predicts but cannot be trained through it yet.
 *
 * <pre>{@code
 * Conv3DTranspose up = new Conv3DTranspose(ConvTransposeConfig.builder(3, 2, 2, 2).strides(2).build());
 * KerasTensor y = up.apply(Input.of(4, 4, 4, 2)); // (None, 8, 8, 8, 3)
 * }</pre>
 */
public final class Conv3DTranspose extends BaseConvTranspose {

  public Conv3DTranspose(ConvTransposeConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Conv3DTranspose(ConvTransposeConfig config, LayerArgs args) {
    super(3, config, args);
  }
}

package io.keras4j.layers.convolutional;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/**
 * Registers Keras' convolution layers, one line per class, with the other names Keras exports them
 * under ({@code Convolution2D} for {@code Conv2D}, ...).
 */
public final class ConvolutionalLayers {

  private ConvolutionalLayers() {}

  public static void register(KerasRegistry.Builder b) {
    layer(b, LayerType.of("Conv1D", Conv1D.class, ConvConfig.class, Conv1D::new), "Convolution1D");
    layer(b, LayerType.of("Conv2D", Conv2D.class, ConvConfig.class, Conv2D::new), "Convolution2D");
    layer(b, LayerType.of("Conv3D", Conv3D.class, ConvConfig.class, Conv3D::new), "Convolution3D");
    layer(
        b,
        LayerType.of(
            "Conv1DTranspose",
            Conv1DTranspose.class,
            ConvTransposeConfig.class,
            Conv1DTranspose::new),
        "Convolution1DTranspose");
    layer(
        b,
        LayerType.of(
            "Conv2DTranspose",
            Conv2DTranspose.class,
            ConvTransposeConfig.class,
            Conv2DTranspose::new),
        "Convolution2DTranspose");
    layer(
        b,
        LayerType.of(
            "Conv3DTranspose",
            Conv3DTranspose.class,
            ConvTransposeConfig.class,
            Conv3DTranspose::new),
        "Convolution3DTranspose");
    layer(
        b,
        LayerType.of(
            "DepthwiseConv1D",
            DepthwiseConv1D.class,
            DepthwiseConvConfig.class,
            DepthwiseConv1D::new));
    layer(
        b,
        LayerType.of(
            "DepthwiseConv2D",
            DepthwiseConv2D.class,
            DepthwiseConvConfig.class,
            DepthwiseConv2D::new));
    layer(
        b,
        LayerType.of(
            "SeparableConv1D",
            SeparableConv1D.class,
            SeparableConvConfig.class,
            SeparableConv1D::new),
        "SeparableConvolution1D");
    layer(
        b,
        LayerType.of(
            "SeparableConv2D",
            SeparableConv2D.class,
            SeparableConvConfig.class,
            SeparableConv2D::new),
        "SeparableConvolution2D");
  }

  private static void layer(KerasRegistry.Builder b, LayerType<?> type, String... aliases) {
    b.layer(type);
    for (String alias : aliases) b.alias(alias, type);
  }
}

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
  }

  private static void layer(KerasRegistry.Builder b, LayerType<?> type, String... aliases) {
    b.layer(type);
    for (String alias : aliases) b.alias(alias, type);
  }
}

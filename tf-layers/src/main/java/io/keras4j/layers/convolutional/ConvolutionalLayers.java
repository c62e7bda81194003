package io.keras4j.layers.convolutional;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' convolution layers, one line per class. */
public final class ConvolutionalLayers {

  private ConvolutionalLayers() {}

  public static void register(KerasRegistry.Builder b) {
  }
}

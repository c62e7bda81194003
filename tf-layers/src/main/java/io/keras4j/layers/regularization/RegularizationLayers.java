package io.keras4j.layers.regularization;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' regularization layers, one line per class. */
public final class RegularizationLayers {

  private RegularizationLayers() {}

  public static void register(KerasRegistry.Builder b) {
  }
}

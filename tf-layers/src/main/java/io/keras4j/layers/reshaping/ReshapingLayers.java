package io.keras4j.layers.reshaping;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' reshaping layers, one line per class. */
public final class ReshapingLayers {

  private ReshapingLayers() {}

  public static void register(KerasRegistry.Builder b) {
  }
}

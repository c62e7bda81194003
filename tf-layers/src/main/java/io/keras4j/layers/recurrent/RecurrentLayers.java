package io.keras4j.layers.recurrent;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' recurrent layers, one line per class. */
public final class RecurrentLayers {

  private RecurrentLayers() {}

  public static void register(KerasRegistry.Builder b) {
  }
}

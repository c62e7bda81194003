package io.keras4j.layers.activations;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' activation layers, one line per class. */
public final class ActivationLayers {

  private ActivationLayers() {}

  public static void register(KerasRegistry.Builder b) {
  }
}

package io.keras4j.layers.preprocessing;

import io.keras4j.serialization.KerasRegistry;

/** Registers Keras' preprocessing layers, one line per class. */
public final class PreprocessingLayers {

  private PreprocessingLayers() {}

  public static void register(KerasRegistry.Builder b) {}
}

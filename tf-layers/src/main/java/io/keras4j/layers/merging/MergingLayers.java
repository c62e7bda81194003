package io.keras4j.layers.merging;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' merging layers, one line per class. */
public final class MergingLayers {

  private MergingLayers() {}

  public static void register(KerasRegistry.Builder b) {
  }
}

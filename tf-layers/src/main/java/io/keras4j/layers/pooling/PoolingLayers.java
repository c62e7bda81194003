package io.keras4j.layers.pooling;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' pooling layers, one line per class. */
public final class PoolingLayers {

  private PoolingLayers() {}

  public static void register(KerasRegistry.Builder b) {
  }
}

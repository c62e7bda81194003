package io.keras4j.layers.normalization;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' normalization layers, one line per class. */
public final class NormalizationLayers {

  private NormalizationLayers() {}

  public static void register(KerasRegistry.Builder b) {
    b.layer(
        LayerType.of(
            "BatchNormalization",
            BatchNormalization.class,
            BatchNormalizationConfig.class,
            BatchNormalization::new));
  }
}

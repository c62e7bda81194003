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
    b.layer(
        LayerType.of(
            "LayerNormalization",
            LayerNormalization.class,
            LayerNormalizationConfig.class,
            LayerNormalization::new));
    b.layer(
        LayerType.of(
            "GroupNormalization",
            GroupNormalization.class,
            GroupNormalizationConfig.class,
            GroupNormalization::new));
    b.layer(
        LayerType.of(
            "UnitNormalization",
            UnitNormalization.class,
            UnitNormalizationConfig.class,
            UnitNormalization::new));
    b.layer(
        LayerType.of(
            "RMSNormalization",
            RMSNormalization.class,
            RMSNormalizationConfig.class,
            RMSNormalization::new));
  }
}

package io.keras4j.layers.preprocessing;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' preprocessing layers, one line per class. */
public final class PreprocessingLayers {

  private PreprocessingLayers() {}

  public static void register(KerasRegistry.Builder b) {
    b.layer(LayerType.of("Rescaling", Rescaling.class, RescalingConfig.class, Rescaling::new));
    b.layer(
        LayerType.of(
            "Normalization", Normalization.class, NormalizationConfig.class, Normalization::new));
    b.layer(LayerType.of("Resizing", Resizing.class, ResizingConfig.class, Resizing::new));
    b.layer(LayerType.of("CenterCrop", CenterCrop.class, CenterCropConfig.class, CenterCrop::new));
  }
}

package io.keras4j.layers.core;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' core layers, one line per class. */
public final class CoreLayers {

  private CoreLayers() {}

  public static void register(KerasRegistry.Builder b) {
    b.layer(LayerType.of("InputLayer", InputLayer.class, InputLayerConfig.class, InputLayer::new));
    b.layer(LayerType.of("Dense", Dense.class, DenseConfig.class, Dense::new));
    b.layer(LayerType.of("Activation", Activation.class, ActivationConfig.class, Activation::new));
    b.layer(LayerType.of("Embedding", Embedding.class, EmbeddingConfig.class, Embedding::new));
    b.layer(LayerType.of("Identity", Identity.class, IdentityConfig.class, Identity::new));
    b.layer(
        LayerType.of("EinsumDense", EinsumDense.class, EinsumDenseConfig.class, EinsumDense::new));
    b.layer(LayerType.of("Masking", Masking.class, MaskingConfig.class, Masking::new));
  }
}

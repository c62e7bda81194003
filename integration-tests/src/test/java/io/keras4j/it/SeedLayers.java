package io.keras4j.it;

import io.keras4j.it.seed.MyLayer;
import io.keras4j.it.seed.MyLayerConfig;
import io.keras4j.it.seed.MyMultiLayer;
import io.keras4j.it.seed.MyMultiLayerConfig;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** The built-in registry plus the seed article's two example layers, as a user registers them. */
final class SeedLayers {

  private SeedLayers() {}

  static KerasRegistry registry() {
    return KerasRegistry.builtins().toBuilder()
        .layer(
            LayerType.custom("seed", "MyLayer", MyLayer.class, MyLayerConfig.class, MyLayer::new))
        .layer(
            LayerType.custom(
                "seed",
                "MyMultiLayer",
                MyMultiLayer.class,
                MyMultiLayerConfig.class,
                MyMultiLayer::new))
        .build();
  }
}

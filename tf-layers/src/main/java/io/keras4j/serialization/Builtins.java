package io.keras4j.serialization;

import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Zeros;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.InputLayer;
import io.keras4j.layers.core.InputLayerConfig;
import io.keras4j.serialization.ObjectType.Category;

/** Registers every built-in layer and object, one line per class. */
final class Builtins {

  private Builtins() {}

  static void register(KerasRegistry.Builder b) {
    b.layer(LayerType.of("InputLayer", InputLayer.class, InputLayerConfig.class, (c, a) -> new InputLayer(c, a)));
    b.layer(LayerType.of("Dense", Dense.class, DenseConfig.class, Dense::new));

    b.object(ObjectType.of(Category.INITIALIZER, "GlorotUniform", GlorotUniform.class));
    b.object(ObjectType.of(Category.INITIALIZER, "Zeros", Zeros.class));
  }
}

package io.keras4j.layers.merging;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' merging layers, one line per class. */
public final class MergingLayers {

  private MergingLayers() {}

  public static void register(KerasRegistry.Builder b) {
    b.layer(LayerType.of("Add", Add.class, AddConfig.class, Add::new));
    b.layer(LayerType.of("Subtract", Subtract.class, SubtractConfig.class, Subtract::new));
    b.layer(LayerType.of("Multiply", Multiply.class, MultiplyConfig.class, Multiply::new));
    b.layer(LayerType.of("Average", Average.class, AverageConfig.class, Average::new));
    b.layer(LayerType.of("Maximum", Maximum.class, MaximumConfig.class, Maximum::new));
    b.layer(LayerType.of("Minimum", Minimum.class, MinimumConfig.class, Minimum::new));
    b.layer(
        LayerType.of("Concatenate", Concatenate.class, ConcatenateConfig.class, Concatenate::new));
    b.layer(LayerType.of("Dot", Dot.class, DotConfig.class, Dot::new));
  }
}

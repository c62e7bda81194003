package io.keras4j.layers.activations;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' activation layers, one line per class. */
public final class ActivationLayers {

  private ActivationLayers() {}

  public static void register(KerasRegistry.Builder b) {
    b.layer(LayerType.of("ReLU", ReLU.class, ReLUConfig.class, ReLU::new));
    b.layer(LayerType.of("LeakyReLU", LeakyReLU.class, LeakyReLUConfig.class, LeakyReLU::new));
    b.layer(LayerType.of("PReLU", PReLU.class, PReLUConfig.class, PReLU::new));
    b.layer(LayerType.of("ELU", ELU.class, ELUConfig.class, ELU::new));
    b.layer(LayerType.of("Softmax", Softmax.class, SoftmaxConfig.class, Softmax::new));
  }
}

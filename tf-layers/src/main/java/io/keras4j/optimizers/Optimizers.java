package io.keras4j.optimizers;

import io.keras4j.serialization.KerasRegistry;

/** Registers Keras' built-in optimizers, one line per class. */
public final class Optimizers {

  private Optimizers() {}

  public static void register(KerasRegistry.Builder b) {}
}

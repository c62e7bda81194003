package io.keras4j.regularizers;

import io.keras4j.serialization.KerasRegistry;

/** Registers Keras' built-in regularizers, one line per class. */
public final class Regularizers {

  private Regularizers() {}

  public static void register(KerasRegistry.Builder b) {}
}

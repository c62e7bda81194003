package io.keras4j.constraints;

import io.keras4j.serialization.KerasRegistry;

/** Registers Keras' built-in constraints, one line per class. */
public final class Constraints {

  private Constraints() {}

  public static void register(KerasRegistry.Builder b) {}
}

package io.keras4j.losses;

import io.keras4j.serialization.KerasRegistry;

/** Registers Keras' built-in losses, one line per class. */
public final class Losses {

  private Losses() {}

  public static void register(KerasRegistry.Builder b) {}
}

package io.keras4j.metrics;

import io.keras4j.serialization.KerasRegistry;

/** Registers Keras' built-in metrics, one line per class. */
public final class Metrics {

  private Metrics() {}

  public static void register(KerasRegistry.Builder b) {}
}

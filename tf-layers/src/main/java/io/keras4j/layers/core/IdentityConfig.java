package io.keras4j.layers.core;

/** Config of {@link Identity}: Keras' {@code Identity()} takes no arguments of its own. */
public record IdentityConfig() {}

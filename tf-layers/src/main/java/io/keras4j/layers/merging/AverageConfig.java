package io.keras4j.layers.merging;

/**
 * Config of {@link Average}: Keras' {@code Average()}, which has no settings besides the ones every
 * layer has ({@code name}, {@code trainable}, {@code dtype}).
 */
public record AverageConfig() {}

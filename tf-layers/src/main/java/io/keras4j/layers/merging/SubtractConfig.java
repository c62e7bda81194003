package io.keras4j.layers.merging;

/**
 * Config of {@link Subtract}: Keras' {@code Subtract()}, which has no settings besides the ones
 * every layer has ({@code name}, {@code trainable}, {@code dtype}).
 */
public record SubtractConfig() {}

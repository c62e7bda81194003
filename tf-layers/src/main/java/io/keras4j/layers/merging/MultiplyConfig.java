package io.keras4j.layers.merging;

/**
 * Config of {@link Multiply}: Keras' {@code Multiply()}, which has no settings besides the ones
 * every layer has ({@code name}, {@code trainable}, {@code dtype}).
 */
public record MultiplyConfig() {}

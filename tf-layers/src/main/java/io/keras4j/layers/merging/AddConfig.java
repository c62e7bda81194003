package io.keras4j.layers.merging;

/**
 * Config of {@link Add}: Keras' {@code Add()}, which has no settings besides the ones every layer
 * has ({@code name}, {@code trainable}, {@code dtype}).
 */
public record AddConfig() {}

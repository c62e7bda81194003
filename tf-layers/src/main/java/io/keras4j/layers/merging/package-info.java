/**
 * Keras' merging layers ({@code keras.layers.Add}, {@code Subtract}, {@code Multiply}, {@code
 * Average}, {@code Maximum}, {@code Minimum}, {@code Concatenate}, {@code Dot}): layers called on a
 * list of tensors that combine them into one, with Keras' broadcasting of inputs of different rank,
 * Keras' mask handling, config keys, output shapes and error conditions.
 */
@NullMarked
package io.keras4j.layers.merging;

import org.jspecify.annotations.NullMarked;

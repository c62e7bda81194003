/**
 * Keras' normalization layers ({@code keras.layers.BatchNormalization}, {@code LayerNormalization},
 * {@code GroupNormalization}, {@code UnitNormalization}, {@code RMSNormalization}): each rescales
 * its input with statistics over some axes, with Keras' weights in Keras' order and Keras' epsilon
 * placement, computing in at least float32.
 */
@NullMarked
package io.keras4j.layers.normalization;

import org.jspecify.annotations.NullMarked;

/**
 * Keras' preprocessing layers that run inside a model ({@code keras.layers.Rescaling}, {@code
 * Normalization}, {@code Resizing}, {@code CenterCrop}): fixed transformations of their input,
 * configured by constants in the layer's config or, for an adapted {@code Normalization}, by
 * non-trainable weights.
 */
@NullMarked
package io.keras4j.layers.preprocessing;

import org.jspecify.annotations.NullMarked;

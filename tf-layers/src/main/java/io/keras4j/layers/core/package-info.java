/**
 * Keras' core layers ({@code keras/src/layers/core}): the model's inputs, {@link
 * io.keras4j.layers.core.Dense}, {@link io.keras4j.layers.core.EinsumDense}, {@link
 * io.keras4j.layers.core.Embedding}, {@link io.keras4j.layers.core.Activation} and {@link
 * io.keras4j.layers.core.Identity}, each beside its config record and registered by {@link
 * io.keras4j.layers.core.CoreLayers}.
 */
@NullMarked
package io.keras4j.layers.core;

import org.jspecify.annotations.NullMarked;

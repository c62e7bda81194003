/**
 * Keras' activation layers ({@code keras/src/layers/activations}): activation functions with
 * settings or weights of their own, such as {@link io.keras4j.layers.activations.ReLU}'s {@code
 * max_value} or {@link io.keras4j.layers.activations.PReLU}'s learned slopes. A plain activation by
 * name is {@link io.keras4j.layers.core.Activation}.
 */
@NullMarked
package io.keras4j.layers.activations;

import org.jspecify.annotations.NullMarked;

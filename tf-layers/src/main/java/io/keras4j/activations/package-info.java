/**
 * Keras' activation functions ({@code keras.activations}): the constants of {@link
 * io.keras4j.activations.BuiltinActivation}, serialized by their Keras name, and {@link
 * io.keras4j.activations.Activations} to look them up as a config names them, with the Keras 2
 * meaning of {@code hard_sigmoid} for files Keras 2 wrote.
 */
@NullMarked
package io.keras4j.activations;

import org.jspecify.annotations.NullMarked;

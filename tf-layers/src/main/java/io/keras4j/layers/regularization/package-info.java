/**
 * Keras' regularization layers ({@code keras/src/layers/regularization}): dropout and noise that
 * act only in training ({@code CallContext.training()}) and are the identity at inference, drawn
 * from TensorFlow's seeded random ops so that a layer's {@code seed} makes training reproducible.
 */
@NullMarked
package io.keras4j.layers.regularization;

import org.jspecify.annotations.NullMarked;

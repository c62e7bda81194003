/**
 * Keras' losses ({@code keras.losses}): records whose components are the Keras config keys, each
 * computing per-sample losses with ops that have registered gradients, so that training can
 * differentiate them; {@link io.keras4j.losses.Reduction} weights and reduces them as Keras does,
 * and {@link io.keras4j.losses.LossFunction} stands for the loss functions Keras serializes by
 * name.
 */
@NullMarked
package io.keras4j.losses;

import org.jspecify.annotations.NullMarked;

/**
 * Keras' learning-rate schedules ({@code keras.optimizers.schedules}): records whose components are
 * the Keras config keys, each computing the learning rate of a step from the optimizer's iteration
 * count with TensorFlow ops.
 */
@NullMarked
package io.keras4j.optimizers.schedules;

import org.jspecify.annotations.NullMarked;

/**
 * Keras' optimizers ({@code keras.optimizers}) with Keras 3's update rules written as TensorFlow
 * ops: each optimizer is a class whose only settings are a config record beside it ({@code SGD} and
 * {@code SGDConfig}), and whose variables (the iteration counter, the learning rate, per-weight
 * slots) have Keras' names and the order in which a {@code .keras} file stores them.
 */
@NullMarked
package io.keras4j.optimizers;

import org.jspecify.annotations.NullMarked;

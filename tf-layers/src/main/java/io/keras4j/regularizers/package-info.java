/**
 * Keras' weight regularizers ({@code keras.regularizers}): records whose components are the Keras
 * config keys, each computing the scalar penalty that training adds to the loss for a weight.
 */
@NullMarked
package io.keras4j.regularizers;

import org.jspecify.annotations.NullMarked;

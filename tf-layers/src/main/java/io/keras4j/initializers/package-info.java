/**
 * Keras' weight initializers ({@code keras.initializers}): records whose components are the Keras
 * config keys, each computing a weight's initial value with TensorFlow ops. Random initializers
 * draw with TensorFlow's stateless random ops, so a seeded initializer gives the same values on
 * every call, as Keras' TensorFlow backend does.
 */
@NullMarked
package io.keras4j.initializers;

import org.jspecify.annotations.NullMarked;

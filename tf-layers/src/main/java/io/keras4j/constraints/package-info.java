/**
 * Keras' weight constraints ({@code keras.constraints}): records whose components are the Keras
 * config keys, each projecting a weight's value after an optimizer update.
 */
@NullMarked
package io.keras4j.constraints;

import org.jspecify.annotations.NullMarked;

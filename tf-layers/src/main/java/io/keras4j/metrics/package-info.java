/**
 * Keras' metrics ({@code keras.metrics}): stateful objects whose state lives in non-trainable
 * variables, updated per batch and read per epoch, with Keras' config keys and the names {@code
 * History} reports them under ({@link io.keras4j.metrics.CompileMetrics}).
 */
@NullMarked
package io.keras4j.metrics;

import org.jspecify.annotations.NullMarked;

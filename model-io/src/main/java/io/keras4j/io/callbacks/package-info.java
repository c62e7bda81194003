/**
 * Keras' training callbacks that write files: {@link io.keras4j.io.callbacks.ModelCheckpoint} saves
 * the model or its weights during {@code fit} in Keras' formats, and {@link
 * io.keras4j.io.callbacks.CSVLogger} streams each epoch's logs to a CSV file as Keras writes it.
 * The callbacks that need no files are in {@code io.keras4j.training.callbacks}.
 */
@NullMarked
package io.keras4j.io.callbacks;

import org.jspecify.annotations.NullMarked;

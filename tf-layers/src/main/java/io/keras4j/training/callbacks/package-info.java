/**
 * Keras' built-in training callbacks ({@code keras.callbacks}) that need no files: {@link
 * io.keras4j.training.callbacks.EarlyStopping}, {@link
 * io.keras4j.training.callbacks.ReduceLROnPlateau} and {@link
 * io.keras4j.training.callbacks.LambdaCallback}, with {@link io.keras4j.training.callbacks.Monitor}
 * deciding, as Keras' {@code MonitorCallback} does, whether a logged quantity improved. Each
 * callback's settings are a config record beside it with Keras' defaults; the callbacks that write
 * files ({@code ModelCheckpoint}, {@code CSVLogger}) are in {@code io.keras4j.io.callbacks}.
 * Messages go to {@link java.lang.System.Logger}, never to standard output.
 */
@NullMarked
package io.keras4j.training.callbacks;

import org.jspecify.annotations.NullMarked;

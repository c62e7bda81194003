/**
 * Keras model files in and out: {@link io.keras4j.io.ModelReader} and {@link
 * io.keras4j.io.ModelWriter}, with the limits that keep untrusted files from allocating.
 */
@NullMarked
package io.keras4j.io;

import org.jspecify.annotations.NullMarked;

/**
 * HDF5 as Keras uses it: legacy {@code .h5} models and weights of Keras 2 and 3, reference files,
 * safety checks and writing.
 */
@NullMarked
package io.keras4j.io.h5;

import org.jspecify.annotations.NullMarked;

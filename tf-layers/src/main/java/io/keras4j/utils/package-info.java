/** Utilities of Keras' {@code keras.utils}: the global random seed. */
@NullMarked
package io.keras4j.utils;

import org.jspecify.annotations.NullMarked;

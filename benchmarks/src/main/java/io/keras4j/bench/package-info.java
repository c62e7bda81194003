/** Keras4J against hand-written TensorFlow Java, side by side. */
@NullMarked
package io.keras4j.bench;

import org.jspecify.annotations.NullMarked;

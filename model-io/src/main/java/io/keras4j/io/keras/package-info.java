/**
 * The {@code .keras} archive of Keras 3 and its weights file, laid out by the model's object tree.
 */
@NullMarked
package io.keras4j.io.keras;

import org.jspecify.annotations.NullMarked;

/**
 * Training models as Keras' {@code compile} and {@code fit} do: the compile settings, fit options,
 * {@link io.keras4j.training.History}, callbacks and the progress bar.
 */
@NullMarked
package io.keras4j.training;

import org.jspecify.annotations.NullMarked;

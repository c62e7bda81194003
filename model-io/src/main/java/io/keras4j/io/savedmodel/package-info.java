/** TensorFlow SavedModel export for serving. */
@NullMarked
package io.keras4j.io.savedmodel;

import org.jspecify.annotations.NullMarked;

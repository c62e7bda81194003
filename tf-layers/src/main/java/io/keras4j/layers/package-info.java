/**
 * The layer API: {@link io.keras4j.layers.Layer} and what layers are built from (weights, call
 * context, symbolic tensors and nodes of the functional API, shapes). Layer families live in the
 * sub-packages, one per Keras family.
 */
@NullMarked
package io.keras4j.layers;

import org.jspecify.annotations.NullMarked;

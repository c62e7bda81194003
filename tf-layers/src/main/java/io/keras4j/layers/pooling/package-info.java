/**
 * Keras' pooling layers ({@code keras/src/layers/pooling}): max and average pooling over windows
 * ({@link io.keras4j.layers.pooling.MaxPooling2D} and its siblings, configured by {@link
 * io.keras4j.layers.pooling.PoolingConfig}) and over all spatial axes ({@link
 * io.keras4j.layers.pooling.GlobalAveragePooling2D} and its siblings, configured by {@link
 * io.keras4j.layers.pooling.GlobalPoolingConfig}).
 */
@NullMarked
package io.keras4j.layers.pooling;

import org.jspecify.annotations.NullMarked;

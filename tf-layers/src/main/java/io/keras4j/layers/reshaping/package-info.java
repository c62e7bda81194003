/**
 * Keras' reshaping layers ({@code keras.layers.Reshape}, {@code Flatten}, {@code Permute}, {@code
 * RepeatVector}, {@code Cropping1D..3D}, {@code ZeroPadding1D..3D}, {@code UpSampling1D..3D}):
 * layers without weights that move, repeat, cut or pad the values of one tensor, with Keras' config
 * keys, defaults, output shapes and error conditions.
 */
@NullMarked
package io.keras4j.layers.reshaping;

import org.jspecify.annotations.NullMarked;

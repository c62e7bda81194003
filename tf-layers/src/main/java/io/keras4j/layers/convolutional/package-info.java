/**
 * Keras' convolution layers ({@code keras/src/layers/convolutional}): {@link
 * io.keras4j.layers.convolutional.Conv2D} and its 1-D and 3-D siblings, the transposed, depthwise
 * and separable convolutions, each family sharing one config record and one package-private base
 * class, as Keras' {@code BaseConv}. Also the two settings the pooling layers share with them,
 * {@link io.keras4j.layers.convolutional.DataFormat} and {@link
 * io.keras4j.layers.convolutional.Padding}.
 */
@NullMarked
package io.keras4j.layers.convolutional;

import org.jspecify.annotations.NullMarked;

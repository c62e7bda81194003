/**
 * Implementation of the convolution and pooling layers: the TensorFlow ops behind Keras' {@code
 * ops.conv}, {@code ops.depthwise_conv} and {@code ops.conv_transpose}, Keras' window tuples and
 * input checks. Not an API.
 */
@NullMarked
package io.keras4j.layers.convolutional.internal;

import org.jspecify.annotations.NullMarked;

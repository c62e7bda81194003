package io.keras4j.layers.convolutional.internal;

import io.keras4j.internal.Gradients;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.op.nn.Conv3dBackpropFilter;
import org.tensorflow.op.nn.Conv3dBackpropInput;
import org.tensorflow.types.family.TNumber;

/**
 * The gradients TensorFlow registers in Python but not in its C++ library, which TensorFlow Java's
 * {@code addGradients} uses: {@code Conv3D} (Keras' {@code Conv3D}) and {@code
 * Conv3DBackpropInputV2} ({@code Conv3DTranspose}), with the formulas of TensorFlow's {@code
 * nn_grad.py}. Registered once per process, before a 3-D convolution is built.
 */
final class ConvGradients {

  private ConvGradients() {}

  static void register() {
    Gradients.register(Conv3d.Inputs.class, ConvGradients::conv3d);
    Gradients.register(Conv3dBackpropInput.Inputs.class, ConvGradients::transpose);
  }

  /** {@code y = conv3d(x, k)}: dx is the transposed convolution of dy, dk its filter gradient. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Operand<?>> conv3d(Ops tf, Conv3d.Inputs op, List<Output<?>> grads) {
    Operand<TNumber> dy = (Operand<TNumber>) grads.get(0);
    Operand<TNumber> x = op.input;
    Operand<TNumber> k = op.filter;
    List<Long> strides = longs(op.strides);
    Operand<TNumber> dx =
        tf.nn.conv3dBackpropInput(
            tf.shape(x),
            k,
            dy,
            strides,
            op.padding,
            Conv3dBackpropInput.dilations(longs(op.dilations)),
            Conv3dBackpropInput.dataFormat(op.dataFormat));
    Operand<TNumber> dk =
        tf.nn.conv3dBackpropFilter(
            x,
            tf.shape(k),
            dy,
            strides,
            op.padding,
            Conv3dBackpropFilter.dilations(longs(op.dilations)),
            Conv3dBackpropFilter.dataFormat(op.dataFormat));
    return Arrays.asList(dx, dk);
  }

  /**
   * {@code y = conv3d_transpose(dy0, k)} (the op {@code Conv3DBackpropInputV2} with inputs {@code
   * input_sizes, filter, out_backprop}): the gradient of {@code out_backprop} is the convolution of
   * dy, that of the filter the filter gradient with the roles of input and output swapped; {@code
   * input_sizes} has none.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Operand<?>> transpose(
      Ops tf, Conv3dBackpropInput.Inputs op, List<Output<?>> grads) {
    Operand<TNumber> dy = (Operand<TNumber>) grads.get(0);
    Operand<TNumber> k = op.filter;
    Operand<TNumber> outBackprop = op.outBackprop;
    List<Long> strides = longs(op.strides);
    Operand<TNumber> dk =
        tf.nn.conv3dBackpropFilter(
            dy,
            tf.shape(k),
            outBackprop,
            strides,
            op.padding,
            Conv3dBackpropFilter.dilations(longs(op.dilations)),
            Conv3dBackpropFilter.dataFormat(op.dataFormat));
    Operand<TNumber> dOut =
        tf.nn.conv3d(
            dy,
            k,
            strides,
            op.padding,
            Conv3d.dilations(longs(op.dilations)),
            Conv3d.dataFormat(op.dataFormat));
    // TensorFlow Java takes no missing gradient: the sizes get zeros, which nothing uses.
    return Arrays.asList(tf.zerosLike(op.inputSizes), dk, dOut);
  }

  private static List<Long> longs(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}

package io.keras4j.layers.convolutional.internal;

import io.keras4j.layers.Weight;
import io.keras4j.layers.convolutional.Padding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Index;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.op.nn.Conv3dBackpropInput;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * The TensorFlow ops behind Keras' {@code ops.conv}, {@code ops.depthwise_conv} and {@code
 * ops.conv_transpose}, on channels-last tensors, built as Keras' TensorFlow backend builds them: a
 * 1-D window runs as a 2-D one over a height of one; TensorFlow's op names its window settings per
 * axis of the 4-D or 5-D tensor, batch and channels included.
 */
public final class ConvOps {

  static {
    ConvGradients.register();
  }

  private ConvOps() {}

  /** The value of {@code w} in the dtype of the computation, as Keras autocasts variables. */
  @SuppressWarnings("unchecked")
  public static <T extends TType> Operand<T> read(Ops tf, Weight w, Class<T> type) {
    Operand<? extends TType> v = w.read(tf);
    return v.type() == type ? (Operand<T>) v : tf.dtypes.cast(v, type);
  }

  /** {@code (batch, width, channels)} as {@code (batch, 1, width, channels)}. */
  public static <T extends TType> Operand<T> addHeight(Ops tf, Operand<T> x) {
    return tf.expandDims(x, tf.constant(1));
  }

  /** The inverse of {@link #addHeight}. */
  public static <T extends TType> Operand<T> dropHeight(Ops tf, Operand<T> y) {
    return tf.squeeze(y, Squeeze.axis(List.of(1L)));
  }

  /** A window setting over the spatial axes as TensorFlow's per-axis list: {@code [1, *w, 1]}. */
  public static List<Long> perAxis(List<Integer> spatial) {
    List<Long> out = new ArrayList<>(spatial.size() + 2);
    out.add(1L);
    for (int v : spatial) out.add((long) v);
    out.add(1L);
    return out;
  }

  /** A 1-D window setting as the 2-D one over a height of one. */
  private static List<Integer> withHeight(List<Integer> spatial) {
    return spatial.size() == 1 ? List.of(1, spatial.get(0)) : spatial;
  }

  /**
   * Keras' {@code ops.conv} on channels last: {@code x} {@code (batch, *spatial, in)}, {@code
   * kernel} {@code (*kernel_size, in / groups, out)}. With {@code groups > 1} each group of input
   * channels is convolved with its share of the filters and the results are concatenated, which
   * gives the grouped convolution on every device (TensorFlow's CPU kernels do not all take
   * groups).
   */
  public static <T extends TNumber> Operand<T> conv(
      Ops tf,
      Operand<T> x,
      Operand<T> kernel,
      List<Integer> strides,
      Padding padding,
      List<Integer> dilations,
      int groups) {
    if (groups > 1) {
      int axis = x.shape().numDimensions() - 1;
      List<Output<T>> xs = tf.split(tf.constant(axis), x, (long) groups).output();
      List<Output<T>> ks = tf.split(tf.constant(axis), kernel, (long) groups).output();
      List<Operand<T>> ys = new ArrayList<>(groups);
      for (int g = 0; g < groups; g++) {
        ys.add(conv(tf, xs.get(g), ks.get(g), strides, padding, dilations, 1));
      }
      return tf.concat(ys, tf.constant(axis));
    }
    String pad = padding.tensorFlowName();
    switch (strides.size()) {
      case 1 -> {
        Operand<T> x2 = addHeight(tf, x);
        Operand<T> k2 = tf.expandDims(kernel, tf.constant(0));
        List<Integer> d = withHeight(dilations);
        if (dilated(d)) {
          return dropHeight(tf, dilatedConv2d(tf, x2, k2, padding, d));
        }
        return dropHeight(tf, tf.nn.conv2d(x2, k2, perAxis(withHeight(strides)), pad));
      }
      case 2 -> {
        if (dilated(dilations)) {
          return dilatedConv2d(tf, x, kernel, padding, dilations);
        }
        return tf.nn.conv2d(x, kernel, perAxis(strides), pad);
      }
      case 3 -> {
        return tf.nn.conv3d(x, kernel, perAxis(strides), pad, Conv3d.dilations(perAxis(dilations)));
      }
      default -> throw new IllegalArgumentException("Convolutions have 1 to 3 spatial axes");
    }
  }

  /**
   * Keras' {@code ops.depthwise_conv} on channels last: {@code x} {@code (batch, *spatial, in)},
   * {@code kernel} {@code (*kernel_size, in, depth_multiplier)}, output channel {@code c *
   * depth_multiplier + m}. A stride above one together with a dilation above one, which
   * TensorFlow's op refuses, runs as Keras runs it: a dilated convolution at stride one (after
   * padding explicitly for {@code same}), subsampled.
   */
  public static <T extends TNumber> Operand<T> depthwiseConv(
      Ops tf,
      Operand<T> x,
      Operand<T> kernel,
      List<Integer> strides,
      Padding padding,
      List<Integer> dilations) {
    boolean oneD = strides.size() == 1;
    if (oneD) {
      x = addHeight(tf, x);
      kernel = tf.expandDims(kernel, tf.constant(0));
    }
    List<Integer> s = withHeight(strides);
    List<Integer> d = withHeight(dilations);
    Operand<T> y;
    Operand<T> k2 = kernel;
    UnaryOperator<Operand<T>> valid =
        in -> tf.nn.depthwiseConv2dNative(in, k2, perAxis(List.of(1, 1)), "VALID");
    if (s.stream().anyMatch(v -> v > 1) && dilated(d)) {
      List<Integer> k = List.of((int) kernel.shape().get(0), (int) kernel.shape().get(1));
      Operand<T> padded = padding == Padding.SAME ? padSame(tf, x, k, s, d) : x;
      Operand<T> full = withSpaceToBatch(tf, padded, k, Padding.VALID, d, valid);
      y =
          tf.stridedSlice(
              full, Indices.all(), Indices.step(s.get(0)), Indices.step(s.get(1)), Indices.all());
      y = withStaticSizes(tf, y, outputSizes(x.shape(), k, s, d, padding));
    } else if (dilated(d)) {
      List<Integer> k = List.of((int) kernel.shape().get(0), (int) kernel.shape().get(1));
      y = withSpaceToBatch(tf, x, k, padding, d, valid);
    } else {
      y = tf.nn.depthwiseConv2dNative(x, kernel, perAxis(s), padding.tensorFlowName());
    }
    return oneD ? dropHeight(tf, y) : y;
  }

  private static boolean dilated(List<Integer> dilations) {
    return dilations.stream().anyMatch(v -> v > 1);
  }

  /** A 2-D convolution at stride one with dilations above one; see {@link #withSpaceToBatch}. */
  private static <T extends TNumber> Operand<T> dilatedConv2d(
      Ops tf, Operand<T> x, Operand<T> kernel, Padding padding, List<Integer> dilations) {
    List<Integer> k = List.of((int) kernel.shape().get(0), (int) kernel.shape().get(1));
    return withSpaceToBatch(
        tf,
        x,
        k,
        padding,
        dilations,
        in -> tf.nn.conv2d(in, kernel, perAxis(List.of(1, 1)), "VALID"));
  }

  /**
   * A dilated window op at stride one over a channels-last 2-D {@code x}, run as TensorFlow's
   * Python ops run it ({@code with_space_to_batch}): the input, padded for {@code same} and to a
   * multiple of the dilation, is split into one image per dilation offset ({@code SpaceToBatchND}),
   * {@code valid} computes the undilated op on each, and {@code BatchToSpaceND} interleaves the
   * results back, cropping the extra padding. The products and sums are those of the dilated op;
   * and TensorFlow's CPU gradients of dilated convolutions, which refuse dilations or abort the
   * process under oneDNN, are never needed.
   */
  private static <T extends TNumber> Operand<T> withSpaceToBatch(
      Ops tf,
      Operand<T> x,
      List<Integer> kernel,
      Padding padding,
      List<Integer> dilations,
      UnaryOperator<Operand<T>> valid) {
    int spatial = kernel.size();
    List<Operand<TInt32>> paddings = new ArrayList<>(spatial);
    List<Operand<TInt32>> crops = new ArrayList<>(spatial);
    Operand<TInt32> dynamicShape = null;
    for (int i = 0; i < spatial; i++) {
      int d = dilations.get(i);
      int total = padding == Padding.SAME ? (kernel.get(i) - 1) * d : 0;
      int before = total / 2;
      int after = total - before;
      long n = x.shape().get(i + 1);
      if (n != Shape.UNKNOWN_SIZE) {
        int extra = (int) Math.floorMod(-(n + total), (long) d);
        paddings.add(tf.constant(new int[] {before, after + extra}));
        crops.add(tf.constant(new int[] {0, extra}));
      } else {
        if (dynamicShape == null) dynamicShape = tf.shape(x);
        Operand<TInt32> size = tf.stridedSlice(dynamicShape, Indices.at(i + 1));
        Operand<TInt32> extra =
            tf.math.floorMod(tf.math.neg(tf.math.add(size, tf.constant(total))), tf.constant(d));
        paddings.add(
            tf.stack(List.of(tf.constant(before), tf.math.add(extra, tf.constant(after)))));
        crops.add(tf.stack(List.of(tf.constant(0), extra)));
      }
    }
    Operand<TInt32> block = tf.constant(dilations.stream().mapToInt(Integer::intValue).toArray());
    Operand<T> batched = tf.spaceToBatchNd(x, block, tf.stack(paddings));
    Operand<T> y = tf.batchToSpaceNd(valid.apply(batched), block, tf.stack(crops));
    if (dynamicShape == null) return y;
    // Crops computed at run time hide the sizes that are static.
    List<Integer> ones = Collections.nCopies(spatial, 1);
    return withStaticSizes(tf, y, outputSizes(x.shape(), kernel, ones, dilations, padding));
  }

  /** The static output sizes of a window over the spatial axes of {@code shape}, or unknown. */
  private static long[] outputSizes(
      Shape shape,
      List<Integer> kernel,
      List<Integer> strides,
      List<Integer> dilations,
      Padding p) {
    long[] in = new long[kernel.size()];
    for (int i = 0; i < in.length; i++) in[i] = shape.get(i + 1);
    return p.outputLengths(in, kernel, strides, dilations);
  }

  /**
   * {@code y} with the given static spatial sizes, which TensorFlow's shape inference lost through
   * a padding computed at run time: a reshape to a shape whose known sizes are constants.
   */
  private static <T extends TType> Operand<T> withStaticSizes(
      Ops tf, Operand<T> y, long[] spatial) {
    int rank = y.shape().numDimensions();
    List<Operand<TInt32>> dims = new ArrayList<>(rank);
    dims.add(size(tf, y, 0));
    for (int i = 0; i < spatial.length; i++) {
      dims.add(
          spatial[i] == Shape.UNKNOWN_SIZE ? size(tf, y, i + 1) : tf.constant((int) spatial[i]));
    }
    dims.add(size(tf, y, rank - 1));
    return tf.reshape(y, tf.stack(dims));
  }

  /**
   * Pads a channels-last {@code x} as TensorFlow's {@code same} padding would for the given window,
   * the odd cell after, so that a {@code valid} window at stride one followed by subsampling gives
   * the strided {@code same} result.
   */
  private static <T extends TNumber> Operand<T> padSame(
      Ops tf, Operand<T> x, List<Integer> kernel, List<Integer> strides, List<Integer> dilations) {
    int spatial = kernel.size();
    List<Operand<TInt32>> rows = new ArrayList<>();
    rows.add(tf.constant(new int[] {0, 0}));
    Operand<TInt32> dynamicShape = null;
    for (int i = 0; i < spatial; i++) {
      int s = strides.get(i);
      int effective = (kernel.get(i) - 1) * dilations.get(i) + 1;
      long n = x.shape().get(i + 1);
      if (n != Shape.UNKNOWN_SIZE) {
        long out = (n + s - 1) / s;
        int total = (int) Math.max((out - 1) * s + effective - n, 0);
        rows.add(tf.constant(new int[] {total / 2, total - total / 2}));
      } else {
        if (dynamicShape == null) dynamicShape = tf.shape(x);
        Operand<TInt32> size = tf.stridedSlice(dynamicShape, Indices.at(i + 1));
        Operand<TInt32> stride = tf.constant(s);
        Operand<TInt32> out = tf.math.floorDiv(tf.math.add(size, tf.constant(s - 1)), stride);
        Operand<TInt32> total =
            tf.math.maximum(
                tf.math.sub(
                    tf.math.add(
                        tf.math.mul(tf.math.sub(out, tf.constant(1)), stride),
                        tf.constant(effective)),
                    size),
                tf.constant(0));
        Operand<TInt32> before = tf.math.floorDiv(total, tf.constant(2));
        rows.add(tf.stack(List.of(before, tf.math.sub(total, before))));
      }
    }
    rows.add(tf.constant(new int[] {0, 0}));
    return tf.pad(x, tf.stack(rows), tf.dtypes.cast(tf.constant(0), x.type()));
  }

  /**
   * Keras' {@code ops.conv_transpose} on channels last: the gradient of a convolution with respect
   * to its input, {@code x} {@code (batch, *spatial, in)}, {@code kernel} {@code (*kernel_size,
   * filters, in)}, producing {@code outputShape} {@code (batch, *spatial_out, filters)}.
   */
  public static <T extends TNumber> Operand<T> convTranspose(
      Ops tf,
      Operand<T> x,
      Operand<T> kernel,
      List<Operand<TInt32>> outputShape,
      List<Integer> strides,
      Padding padding,
      List<Integer> dilations) {
    String pad = padding.tensorFlowName();
    switch (strides.size()) {
      case 1 -> {
        List<Operand<TInt32>> shape = new ArrayList<>(outputShape);
        shape.add(1, tf.constant(1));
        Operand<T> y =
            tf.nn.conv2dBackpropInput(
                tf.stack(shape),
                tf.expandDims(kernel, tf.constant(0)),
                addHeight(tf, x),
                perAxis(withHeight(strides)),
                pad,
                Conv2dBackpropInput.dilations(perAxis(withHeight(dilations))));
        return dropHeight(tf, y);
      }
      case 2 -> {
        return tf.nn.conv2dBackpropInput(
            tf.stack(outputShape),
            kernel,
            x,
            perAxis(strides),
            pad,
            Conv2dBackpropInput.dilations(perAxis(dilations)));
      }
      case 3 -> {
        return tf.nn.conv3dBackpropInput(
            tf.stack(outputShape),
            kernel,
            x,
            perAxis(strides),
            pad,
            Conv3dBackpropInput.dilations(perAxis(dilations)));
      }
      default -> throw new IllegalArgumentException("Convolutions have 1 to 3 spatial axes");
    }
  }

  /** The size of axis {@code axis} of {@code x}: a constant if static, else read at run time. */
  public static Operand<TInt32> size(Ops tf, Operand<?> x, int axis) {
    long d = x.shape().get(axis);
    if (d != Shape.UNKNOWN_SIZE) return tf.constant((int) d);
    Index at = Indices.at(axis);
    return tf.stridedSlice(tf.shape(x), at);
  }
}

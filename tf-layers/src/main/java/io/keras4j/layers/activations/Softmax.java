package io.keras4j.layers.activations;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Tensors;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TNumber;

/**
 * Softmax over one or more axes: {@code f(x) = exp(x - max(x)) / sum(exp(x - max(x)))}. Keras'
 * {@code keras.layers.Softmax}.
 *
 * <p>Input and output have the same shape. No weights; masks pass through. With a mask (the
 * input's, or a {@code mask} tensor passed to the call, broadcastable to the input; non-boolean
 * masks keep entries above 0.5) masked entries are replaced by a large negative number before the
 * softmax (-3e4 in float16, -1e9 otherwise) and are 0 in the output.
 *
 * <pre>{@code
 * Softmax softmax = new Softmax(SoftmaxConfig.of(1));
 * KerasTensor probabilities = softmax.apply(Input.of(4, 3));
 * }</pre>
 */
public final class Softmax extends Layer {

  private final SoftmaxConfig config;

  public Softmax(SoftmaxConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Softmax(SoftmaxConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    buildAtInit();
  }

  @Override
  protected List<Operand<?>> call(Ops tf, List<Operand<?>> inputs, CallContext context) {
    Integer maskAt = context.tensorArguments().get("mask");
    Operand<?> mask = maskAt != null ? inputs.get(maskAt) : context.mask(0);
    return List.of(softmax(tf, Tensors.floating(inputs.get(0)), mask));
  }

  private <T extends TFloating> Operand<T> softmax(
      Ops tf, Operand<T> x, @Nullable Operand<?> maskInput) {
    Operand<TBool> mask = maskInput == null ? null : booleanMask(tf, maskInput, x);
    if (mask != null) {
      double large = x.type() == TFloat16.class ? -3e4 : -1e9;
      Operand<T> fill = tf.dtypes.cast(tf.constant(large), x.type());
      x = tf.select(mask, x, fill);
    }
    int rank = x.shape().numDimensions();
    List<Integer> axes = config.axis().axes();
    Operand<T> y;
    if (axes != null && axes.size() == 1) {
      y = softmaxOverAxis(tf, x, Shapes.axis(axes.get(0), rank));
    } else {
      int[] dims = new int[axes == null ? rank : axes.size()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = axes == null ? i : Shapes.axis(axes.get(i), rank);
      }
      y = softmaxOverAxes(tf, x, dims);
    }
    if (mask != null) {
      y = tf.select(mask, y, tf.zerosLike(y));
    }
    return y;
  }

  /** TensorFlow's softmax normalizes the last axis: bring {@code axis} there and back. */
  private static <T extends TFloating> Operand<T> softmaxOverAxis(Ops tf, Operand<T> x, int axis) {
    int last = x.shape().numDimensions() - 1;
    if (axis == last) {
      return tf.nn.softmax(x);
    }
    int[] perm = new int[last + 1];
    for (int i = 0; i <= last; i++) perm[i] = i;
    perm[axis] = last;
    perm[last] = axis;
    Operand<T> swapped = tf.linalg.transpose(x, tf.constant(perm));
    return tf.linalg.transpose(tf.nn.softmax(swapped), tf.constant(perm));
  }

  /** Keras' {@code exp(x - logsumexp(x, axes, keepdims=True))} for several axes. */
  private static <T extends TFloating> Operand<T> softmaxOverAxes(
      Ops tf, Operand<T> x, int[] axes) {
    Operand<TInt32> dims = tf.constant(axes);
    // The shift only keeps exp() finite; logsumexp's value and gradient do not depend on it.
    Operand<T> shift = tf.stopGradient(tf.max(x, dims, Max.keepDims(true)));
    Operand<T> sum = tf.sum(tf.math.exp(tf.math.sub(x, shift)), dims, Sum.keepDims(true));
    Operand<T> logSumExp = tf.math.add(tf.math.log(sum), shift);
    return tf.math.exp(tf.math.sub(x, logSumExp));
  }

  /**
   * The mask as booleans, checked as Keras checks it: no more dimensions than the input, and each
   * known dimension 1 or the input's.
   */
  private Operand<TBool> booleanMask(Ops tf, Operand<?> mask, Operand<?> x) {
    Shape m = mask.shape();
    Shape in = x.shape();
    if (m.numDimensions() > in.numDimensions()) {
      throw new IllegalArgumentException(
          "Softmax '"
              + name()
              + "': the `mask` must be broadcastable to `inputs` and must not have more"
              + " dimensions. Received: inputs.shape="
              + Shapes.toKeras(in)
              + ", mask.shape="
              + Shapes.toKeras(m));
    }
    for (int i = 1; i <= m.numDimensions(); i++) {
      long md = m.get(m.numDimensions() - i);
      long id = in.get(in.numDimensions() - i);
      if (md != Shape.UNKNOWN_SIZE && id != Shape.UNKNOWN_SIZE && md != 1 && md != id) {
        throw new IllegalArgumentException(
            "Softmax '"
                + name()
                + "': the `mask` must be broadcastable to `inputs`. Each mask dimension must be"
                + " 1 or match the corresponding input dimension. Received: inputs.shape="
                + Shapes.toKeras(in)
                + ", mask.shape="
                + Shapes.toKeras(m));
      }
    }
    if (mask.type() == TBool.class) {
      return Tensors.bool(mask);
    }
    return greaterThanHalf(tf, Tensors.numeric(mask));
  }

  private static <T extends TNumber> Operand<TBool> greaterThanHalf(Ops tf, Operand<T> mask) {
    return tf.math.greater(mask, tf.dtypes.cast(tf.constant(0.5), mask.type()));
  }

  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    return List.of(inputShapes.get(0));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public SoftmaxConfig getConfig() {
    return config;
  }
}

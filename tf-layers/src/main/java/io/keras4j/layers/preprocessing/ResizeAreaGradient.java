package io.keras4j.layers.preprocessing;

import io.keras4j.internal.Gradients;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeArea;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * The gradient of TensorFlow's {@code ResizeArea}, which TensorFlow registers in neither Python nor
 * C++. The op is linear and separable: {@code out[y, x] = s * sum_i sum_j Wh[y, i] Ww[x, j] * in[i,
 * j]}, where {@code Wh[y, i]} is the length of input row {@code i} that output row {@code y} covers
 * (the kernel's {@code scale_y}, with rows past the edge folded onto the last one), {@code Ww} the
 * same for columns, and {@code s = 1 / (height_scale * width_scale)}. The gradient is the
 * transposed map, {@code dx[i, j] = s * sum_y sum_x Wh[y, i] Ww[x, j] * dy[y, x]}, built from the
 * kernel's float32 arithmetic with ops so that it also serves images whose size is only known when
 * the graph runs. Registered once per process, before the first {@code ResizeArea} is built.
 */
final class ResizeAreaGradient {

  private ResizeAreaGradient() {}

  static void register() {
    Gradients.register(ResizeArea.Inputs.class, ResizeAreaGradient::gradient);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Operand<?>> gradient(Ops tf, ResizeArea.Inputs op, List<Output<?>> grads) {
    Operand<TFloat32> dy = (Operand<TFloat32>) grads.get(0);
    Operand<TInt32> inShape = tf.shape(op.images);
    Operand<TInt32> outShape = tf.shape(dy);
    Operand<TInt32> inHeight = Images.element(tf, inShape, 1);
    Operand<TInt32> outHeight = Images.element(tf, outShape, 1);
    Operand<TInt32> inWidth = Images.element(tf, inShape, 2);
    Operand<TInt32> outWidth = Images.element(tf, outShape, 2);
    Operand<TFloat32> heightScale = scale(tf, inHeight, outHeight, op.alignCorners);
    Operand<TFloat32> widthScale = scale(tf, inWidth, outWidth, op.alignCorners);
    Operand<TFloat32> wh = coverage(tf, inHeight, outHeight, heightScale); // (outH, inH)
    Operand<TFloat32> ww = coverage(tf, inWidth, outWidth, widthScale); // (outW, inW)
    Operand<TFloat32> rows = tf.linalg.einsum(List.of(wh, dy), "yi,byxc->bixc");
    Operand<TFloat32> dx = tf.linalg.einsum(List.of(ww, rows), "xj,bixc->bijc");
    // As the kernel: the product of the scales in float32, its reciprocal in double, then float32.
    Operand<TFloat32> s =
        tf.dtypes.cast(
            tf.math.div(
                tf.constant(1.0),
                tf.dtypes.cast(tf.math.mul(heightScale, widthScale), TFloat64.class)),
            TFloat32.class);
    Operand<?> dImages = tf.dtypes.cast(tf.math.mul(dx, s), (Class) op.images.type());
    // TensorFlow Java takes no missing gradient: the size gets zeros, which nothing uses.
    return Arrays.asList(dImages, tf.zerosLike(op.sizeOutput));
  }

  /** The kernel's scale: {@code in / out}, or {@code (in - 1) / (out - 1)} with aligned corners. */
  private static Operand<TFloat32> scale(
      Ops tf, Operand<TInt32> in, Operand<TInt32> out, boolean alignCorners) {
    Operand<TFloat32> plain = tf.math.div(toFloat(tf, in), toFloat(tf, out));
    if (!alignCorners) return plain;
    Operand<TInt32> one = tf.constant(1);
    Operand<TFloat32> aligned =
        tf.math.div(
            toFloat(tf, tf.math.sub(in, one)),
            toFloat(tf, tf.math.maximum(tf.math.sub(out, one), one)));
    return tf.select(tf.math.greater(out, one), aligned, plain);
  }

  /**
   * {@code W[o, i]}: how much of input cell {@code i} output cell {@code o} covers, as the kernel's
   * {@code scale_y} for the cells {@code floor(o * scale) <= i < ceil((o + 1) * scale)} and zero
   * elsewhere; cells past the last input cell (float rounding, or aligned corners) are added to the
   * last one, where the kernel's {@code Bound} reads them.
   */
  private static Operand<TFloat32> coverage(
      Ops tf, Operand<TInt32> in, Operand<TInt32> out, Operand<TFloat32> scale) {
    Operand<TInt32> zero = tf.constant(0);
    Operand<TInt32> one = tf.constant(1);
    Operand<TFloat32> o = tf.expandDims(toFloat(tf, tf.range(zero, out, one)), one); // (out, 1)
    Operand<TFloat32> start = tf.math.mul(o, scale); // in_y
    Operand<TFloat32> end = tf.math.mul(tf.math.add(o, tf.constant(1f)), scale); // in_y1
    // Enough cells to reach the last output cell's end, and at least the input's.
    Operand<TInt32> cells =
        tf.math.maximum(
            in, tf.dtypes.cast(tf.math.ceil(tf.math.mul(toFloat(tf, out), scale)), TInt32.class));
    Operand<TInt32> index = tf.range(zero, cells, one);
    Operand<TFloat32> i = tf.expandDims(toFloat(tf, index), zero); // (1, cells)
    Operand<TFloat32> next = tf.math.add(i, tf.constant(1f));
    Operand<TBool> pastEnd = tf.math.greater(next, end);
    Operand<TFloat32> weight =
        tf.select(
            tf.math.less(i, start),
            tf.select(pastEnd, scale, tf.math.sub(next, start)),
            tf.select(pastEnd, tf.math.sub(end, i), tf.constant(1f)));
    Operand<TBool> covered = tf.math.logicalAnd(tf.math.greater(next, start), tf.math.less(i, end));
    Operand<TFloat32> w = tf.select(covered, weight, tf.constant(0f));
    Operand<TInt32> target = tf.math.minimum(index, tf.math.sub(in, one));
    return tf.linalg.matMul(w, tf.oneHot(target, in, tf.constant(1f), tf.constant(0f)));
  }

  private static Operand<TFloat32> toFloat(Ops tf, Operand<TInt32> x) {
    return tf.dtypes.cast(x, TFloat32.class);
  }
}

package io.keras4j.layers.preprocessing;

import io.keras4j.layers.DTypePolicy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBicubic;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.image.ResizeNearestNeighbor;
import org.tensorflow.op.image.ScaleAndTranslate;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * The image ops of Keras' TensorFlow backend that {@link Resizing} and {@link CenterCrop} share:
 * {@code keras.src.backend.tensorflow.image.resize} with its aspect-ratio crop and pad, and {@code
 * ops.core._saturate_cast}. Images are channels-last here, of rank 3 {@code (h, w, c)} or 4 {@code
 * (batch, h, w, c)}.
 */
final class Images {

  /** Keras' {@code RESIZE_INTERPOLATIONS} on the TensorFlow backend. */
  static final Set<String> INTERPOLATIONS =
      Set.of("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic", "area");

  private Images() {}

  /** The height and width of an image tensor as int32 scalars. */
  private record Size(Operand<TInt32> height, Operand<TInt32> width) {}

  private static Size size(Ops tf, Operand<?> images) {
    int rank = images.shape().numDimensions();
    Operand<TInt32> shape = tf.shape(images);
    return new Size(element(tf, shape, rank - 3), element(tf, shape, rank - 2));
  }

  /** Element {@code i} of an int32 vector, as a scalar. */
  static Operand<TInt32> element(Ops tf, Operand<TInt32> vector, int i) {
    return tf.stridedSlice(vector, Indices.at(i));
  }

  /** {@code int32(float32(numerator) / denominator)}, as Keras' TensorFlow backend computes it. */
  private static Operand<TInt32> ratio(Ops tf, Operand<TInt32> numerator, float denominator) {
    return tf.dtypes.cast(
        tf.math.div(tf.dtypes.cast(numerator, TFloat32.class), tf.constant(denominator)),
        TInt32.class);
  }

  /**
   * The largest centered window of the target's aspect ratio, as Keras' {@code
   * crop_to_aspect_ratio}.
   */
  static <T extends TType> Operand<T> cropToAspectRatio(
      Ops tf, Operand<T> images, int targetHeight, int targetWidth) {
    Size s = size(tf, images);
    Operand<TInt32> one = tf.constant(1);
    Operand<TInt32> cropHeight =
        tf.math.maximum(
            tf.math.minimum(
                s.height(),
                ratio(tf, tf.math.mul(s.width(), tf.constant(targetHeight)), targetWidth)),
            one);
    Operand<TInt32> cropWidth =
        tf.math.maximum(
            tf.math.minimum(
                s.width(),
                ratio(tf, tf.math.mul(s.height(), tf.constant(targetWidth)), targetHeight)),
            one);
    Operand<TInt32> top = ratio(tf, tf.math.sub(s.height(), cropHeight), 2f);
    Operand<TInt32> left = ratio(tf, tf.math.sub(s.width(), cropWidth), 2f);
    return window(tf, images, top, left, cropHeight, cropWidth);
  }

  /** The window {@code [top, top + height) x [left, left + width)} of every image. */
  static <T extends TType> Operand<T> window(
      Ops tf,
      Operand<T> images,
      Operand<TInt32> top,
      Operand<TInt32> left,
      Operand<TInt32> height,
      Operand<TInt32> width) {
    Shape s = images.shape();
    boolean batched = s.numDimensions() == 4;
    Operand<TInt32> zero = tf.constant(0);
    // Static sizes where known (-1, "to the end", otherwise) keep the output's static shape.
    Operand<TInt32> channels = tf.constant((int) s.get(s.numDimensions() - 1));
    List<Operand<TInt32>> begin =
        batched ? List.of(zero, top, left, zero) : List.of(top, left, zero);
    List<Operand<TInt32>> sizes =
        batched
            ? List.of(tf.constant((int) s.get(0)), height, width, channels)
            : List.of(height, width, channels);
    return tf.slice(images, tf.stack(begin), tf.stack(sizes));
  }

  /**
   * Pads the images with {@code fillValue} to the target's aspect ratio, centered, as Keras' {@code
   * pad_to_aspect_ratio} (the same amount on both sides, so an odd difference is padded to one
   * more).
   */
  static <T extends TType> Operand<T> padToAspectRatio(
      Ops tf, Operand<T> images, int targetHeight, int targetWidth, double fillValue) {
    Size s = size(tf, images);
    Operand<TInt32> padHeight =
        tf.math.maximum(
            s.height(), ratio(tf, tf.math.mul(s.width(), tf.constant(targetHeight)), targetWidth));
    Operand<TInt32> padWidth =
        tf.math.maximum(
            s.width(), ratio(tf, tf.math.mul(s.height(), tf.constant(targetWidth)), targetHeight));
    Operand<TInt32> top = ratio(tf, tf.math.sub(padHeight, s.height()), 2f);
    Operand<TInt32> left = ratio(tf, tf.math.sub(padWidth, s.width()), 2f);
    Operand<TInt32> zeros = tf.constant(new int[] {0, 0});
    Operand<TInt32> rows = tf.stack(List.of(top, top));
    Operand<TInt32> columns = tf.stack(List.of(left, left));
    List<Operand<TInt32>> paddings =
        images.shape().numDimensions() == 4
            ? List.of(zeros, rows, columns, zeros)
            : List.of(rows, columns, zeros);
    Operand<T> fill = tf.dtypes.cast(tf.constant(fillValue), images.type());
    Operand<T> padded = tf.pad(images, tf.stack(paddings), fill);
    // Padding by computed amounts loses every static dimension; a reshape to the same shape
    // restores the batch and channel ones (an unknown batch is the reshape's one -1).
    Shape shape = images.shape();
    Operand<TInt32> two = tf.constant(2);
    Operand<TInt32> height = tf.math.add(s.height(), tf.math.mul(two, top));
    Operand<TInt32> width = tf.math.add(s.width(), tf.math.mul(two, left));
    int rank = shape.numDimensions();
    Operand<TInt32> channels = dimension(tf, padded, rank - 1);
    List<Operand<TInt32>> dims =
        rank == 4
            ? List.of(tf.constant((int) shape.get(0)), height, width, channels)
            : List.of(height, width, channels);
    return tf.reshape(padded, tf.stack(dims));
  }

  /** Dimension {@code i} of {@code x}: a constant where it is statically known. */
  private static Operand<TInt32> dimension(Ops tf, Operand<?> x, int i) {
    long d = x.shape().get(i);
    return d == Shape.UNKNOWN_SIZE ? element(tf, tf.shape(x), i) : tf.constant((int) d);
  }

  /**
   * Resizes to {@code (height, width)} as TensorFlow's {@code tf.image.resize} (version 2) does for
   * Keras: half-pixel centers, float32 results except for {@code nearest}, which keeps the dtype.
   */
  @SuppressWarnings("unchecked")
  static Operand<?> resize(
      Ops tf, Operand<?> images, int height, int width, String interpolation, boolean antialias) {
    Operand<? extends TNumber> x = (Operand<? extends TNumber>) images;
    boolean batched = images.shape().numDimensions() == 4;
    if (!batched) {
      x = tf.expandDims(x, tf.constant(0));
    }
    Operand<TInt32> size = tf.constant(new int[] {height, width});
    Operand<?> y =
        switch (interpolation) {
          case "bilinear" ->
              antialias
                  ? scaleAndTranslate(tf, x, size, "triangle", true)
                  : tf.image.resizeBilinear(x, size, ResizeBilinear.halfPixelCenters(true));
          case "nearest" ->
              tf.image.resizeNearestNeighbor(
                  (Operand<TNumber>) x, size, ResizeNearestNeighbor.halfPixelCenters(true));
          case "bicubic" ->
              antialias
                  ? scaleAndTranslate(tf, x, size, "keyscubic", true)
                  : tf.image.resizeBicubic(x, size, ResizeBicubic.halfPixelCenters(true));
          case "area" -> {
            ResizeAreaGradient.register();
            yield tf.image.resizeArea(x, size);
          }
          case "lanczos3", "lanczos5" -> scaleAndTranslate(tf, x, size, interpolation, antialias);
          default ->
              throw new IllegalArgumentException(
                  "Invalid value for argument `interpolation`. Expected of one "
                      + INTERPOLATIONS
                      + ". Received: interpolation="
                      + interpolation);
        };
    return batched ? y : tf.squeeze(y, org.tensorflow.op.core.Squeeze.axis(0L));
  }

  private static Operand<TFloat32> scaleAndTranslate(
      Ops tf,
      Operand<? extends TNumber> x,
      Operand<TInt32> size,
      String kernel,
      boolean antialias) {
    Operand<TFloat32> inputSize =
        tf.dtypes.cast(
            tf.slice(tf.shape(x), tf.constant(new int[] {1}), tf.constant(new int[] {2})),
            TFloat32.class);
    Operand<TFloat32> scale = tf.math.div(tf.dtypes.cast(size, TFloat32.class), inputSize);
    return tf.image.scaleAndTranslate(
        x,
        size,
        scale,
        tf.zeros(tf.constant(new int[] {2}), TFloat32.class),
        ScaleAndTranslate.kernelType(kernel),
        ScaleAndTranslate.antialias(antialias));
  }

  /**
   * {@code x} cast to {@code type} without wrapping around, as Keras' {@code _saturate_cast}:
   * values are clipped to the largest range both dtypes represent, nudged inward where a limit is
   * not exactly representable in {@code x}'s dtype.
   */
  @SuppressWarnings("unchecked")
  static <T extends TType> Operand<T> saturateCast(Ops tf, Operand<TFloat32> x, Class<T> type) {
    if (type == TFloat32.class) {
      return (Operand<T>) x;
    }
    BigDecimal[] out = range(type);
    float low = (float) Math.max(-Float.MAX_VALUE, out[0].doubleValue());
    if (new BigDecimal(low).compareTo(out[0]) < 0) low = Math.nextUp(low);
    float high = (float) Math.min(Float.MAX_VALUE, out[1].doubleValue());
    if (new BigDecimal(high).compareTo(out[1]) > 0) high = Math.nextDown(high);
    Operand<TFloat32> clipped = tf.clipByValue(x, tf.constant(low), tf.constant(high));
    return tf.dtypes.cast(clipped, type);
  }

  private static BigDecimal[] range(Class<? extends TType> type) {
    if (type == TUint8.class) return bounds(0, 255);
    if (type == TInt32.class) return bounds(Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (type == TInt64.class) return bounds(Long.MIN_VALUE, Long.MAX_VALUE);
    if (type == TFloat16.class) return bounds(-65504, 65504);
    if (type == TBfloat16.class) {
      BigDecimal max = new BigDecimal(Float.intBitsToFloat(0x7f7f0000));
      return new BigDecimal[] {max.negate(), max};
    }
    if (type == TFloat64.class) {
      return new BigDecimal[] {new BigDecimal(-Double.MAX_VALUE), new BigDecimal(Double.MAX_VALUE)};
    }
    throw new IllegalArgumentException(
        "Cannot cast resized images back to " + DTypePolicy.kerasName(type));
  }

  private static BigDecimal[] bounds(long min, long max) {
    return new BigDecimal[] {BigDecimal.valueOf(min), BigDecimal.valueOf(max)};
  }

  /** Whether a static image shape has known height and width. */
  static boolean knownSize(Shape shape) {
    int rank = shape.numDimensions();
    return shape.get(rank - 3) != Shape.UNKNOWN_SIZE && shape.get(rank - 2) != Shape.UNKNOWN_SIZE;
  }
}

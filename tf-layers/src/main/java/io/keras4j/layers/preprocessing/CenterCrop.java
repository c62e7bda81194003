package io.keras4j.layers.preprocessing;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * Crops the center of images to a fixed height and width: Keras' {@code keras.layers.CenterCrop}.
 *
 * <p>An image at least as large as the target is cropped to its central {@code height x width}
 * window (starting at {@code (h - height) / 2, (w - width) / 2}, rounded down). A smaller one is,
 * as in Keras, cropped to the largest centered window of the target's aspect ratio and resized
 * (bilinear) to the target. Images whose height or width is unknown when the graph is built are
 * always cropped, as Keras' TensorFlow backend does. The output has the layer's compute dtype.
 *
 * <p>Input {@code (batch, h, w, c)} or {@code (h, w, c)} (channels first: {@code (batch, c, h, w)}
 * or {@code (c, h, w)}); output the same with {@code h, w} replaced by {@code height, width}. No
 * weights.
 *
 * <pre>{@code
 * CenterCrop crop = new CenterCrop(CenterCropConfig.builder(4, 4).build());
 * KerasTensor y = crop.apply(Input.of(6, 7, 3)); // (None, 4, 4, 3)
 * }</pre>
 */
public final class CenterCrop extends Layer {

  private final CenterCropConfig config;

  public CenterCrop(CenterCropConfig config) {
    this(config, LayerArgs.defaults());
  }

  public CenterCrop(CenterCropConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    int rank = input.shape().numDimensions();
    if (rank != 3 && rank != 4) {
      throw new IllegalArgumentException(
          "Expected an image array with shape `(height, width, channels)`, or `(batch_size,"
              + " height, width, channels)`, but got input with incorrect rank, of shape "
              + Shapes.toKeras(input.shape()));
    }
    Operand<?> images = tf.dtypes.cast(input, dtypePolicy().computeDtype());
    boolean channelsFirst = config.dataFormat().equals("channels_first");
    if (channelsFirst) {
      images =
          tf.linalg.transpose(
              images, tf.constant(rank == 4 ? new int[] {0, 2, 3, 1} : new int[] {1, 2, 0}));
    }
    Operand<?> out = crop(tf, images);
    if (channelsFirst) {
      out =
          tf.linalg.transpose(
              out, tf.constant(rank == 4 ? new int[] {0, 3, 1, 2} : new int[] {2, 0, 1}));
    }
    return out;
  }

  /** Crops channels-last images, or resizes them when they are known to be too small. */
  private <T extends TType> Operand<?> crop(Ops tf, Operand<T> images) {
    Shape s = images.shape();
    int rank = s.numDimensions();
    int height = config.height();
    int width = config.width();
    if (Images.knownSize(s)) {
      long h = s.get(rank - 3);
      long w = s.get(rank - 2);
      if (h >= height && w >= width) {
        return window(tf, images, (h - height) / 2, (w - width) / 2, height, width);
      }
      // Keras parity: smart_resize with static sizes computes the window in double precision.
      long cropHeight = Math.max(Math.min(h, (long) ((double) (w * height) / width)), 1);
      long cropWidth = Math.max(Math.min(w, (long) ((double) (h * width) / height)), 1);
      Operand<T> cropped =
          window(
              tf,
              images,
              (long) ((double) (h - cropHeight) / 2),
              (long) ((double) (w - cropWidth) / 2),
              cropHeight,
              cropWidth);
      return Images.resize(tf, cropped, height, width, "bilinear", false);
    }
    Operand<TInt32> shape = tf.shape(images);
    Operand<TInt32> top = start(tf, shape, rank - 3, height);
    Operand<TInt32> left = start(tf, shape, rank - 2, width);
    return Images.window(tf, images, top, left, tf.constant(height), tf.constant(width));
  }

  private static <T extends TType> Operand<T> window(
      Ops tf, Operand<T> images, long top, long left, long height, long width) {
    return Images.window(
        tf,
        images,
        tf.constant((int) top),
        tf.constant((int) left),
        tf.constant((int) height),
        tf.constant((int) width));
  }

  /** {@code (size - target) // 2} of one dimension of a shape, as Keras' floor division. */
  private static Operand<TInt32> start(Ops tf, Operand<TInt32> shape, int axis, int target) {
    Operand<TInt32> size = Images.element(tf, shape, axis);
    return tf.math.floorDiv(tf.math.sub(size, tf.constant(target)), tf.constant(2));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    int rank = inputShape.numDimensions();
    if (rank != 3 && rank != 4) {
      throw new IllegalArgumentException(
          "`input_shape` must be a non-nested tuple or list of rank-1 with size 3 (unbatched) or 4"
              + " (batched). ");
    }
    long[] dims = inputShape.asArray();
    int heightAxis = rank - (config.dataFormat().equals("channels_last") ? 3 : 2);
    dims[heightAxis] = config.height();
    dims[heightAxis + 1] = config.width();
    return Shape.of(dims);
  }

  /** Keras casts the images to the compute dtype, so the output has it for any input. */
  @Override
  protected Class<? extends TType> outputDtype(List<TensorSpec> inputs) {
    return dtypePolicy().computeDtype();
  }

  @Override
  public CenterCropConfig getConfig() {
    return config;
  }
}

package io.keras4j.layers.preprocessing;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * Resizes images to a fixed height and width: Keras' {@code keras.layers.Resizing} on its
 * TensorFlow backend ({@code tf.image.resize} with half-pixel centers).
 *
 * <p>With {@code crop_to_aspect_ratio} the largest centered window of the target's aspect ratio is
 * resized (no distortion, borders cut); with {@code pad_to_aspect_ratio} the image is first padded
 * with {@code fill_value} to that ratio (no distortion, borders added). The result has the input's
 * dtype: integer images are rounded and clipped back into their range.
 *
 * <p>Input {@code (batch, h, w, c)} or {@code (h, w, c)} (channels first: {@code (batch, c, h, w)}
 * or {@code (c, h, w)}); output the same with {@code h, w} replaced by {@code height, width}. No
 * weights.
 *
 * <pre>{@code
 * Resizing resizing = new Resizing(ResizingConfig.builder(8, 6).cropToAspectRatio(true).build());
 * KerasTensor y = resizing.apply(Input.of(5, 7, 3)); // (None, 8, 6, 3)
 * }</pre>
 */
public final class Resizing extends Layer {

  private final ResizingConfig config;

  public Resizing(ResizingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Resizing(ResizingConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    int rank = input.shape().numDimensions();
    if (rank != 3 && rank != 4) {
      throw new IllegalArgumentException(
          "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images)."
              + " Received input with shape: images.shape="
              + Shapes.toKeras(input.shape()));
    }
    boolean channelsFirst = config.dataFormat().equals("channels_first");
    Operand<?> images = channelsFirst ? transpose(tf, input, toChannelsLast(rank)) : input;
    if (config.cropToAspectRatio()) {
      images = Images.cropToAspectRatio(tf, images, config.height(), config.width());
    } else if (config.padToAspectRatio()) {
      images =
          Images.padToAspectRatio(tf, images, config.height(), config.width(), config.fillValue());
    }
    Operand<?> resized =
        Images.resize(
            tf,
            images,
            config.height(),
            config.width(),
            config.interpolation(),
            config.antialias());
    if (channelsFirst) {
      resized = transpose(tf, resized, toChannelsFirst(rank));
    }
    return castBack(tf, resized, input.type());
  }

  /**
   * The resized images in the input's dtype, as Keras: integers rounded, then every dtype clipped
   * into its range.
   */
  @SuppressWarnings("unchecked")
  private static Operand<?> castBack(Ops tf, Operand<?> resized, Class<? extends TType> type) {
    if (resized.type() == type) {
      return resized;
    }
    Operand<TFloat32> y = (Operand<TFloat32>) resized;
    if (!TFloating.class.isAssignableFrom(type)) {
      y = tf.math.round(y);
    }
    return Images.saturateCast(tf, y, type);
  }

  private static Operand<?> transpose(Ops tf, Operand<?> x, int[] perm) {
    return tf.linalg.transpose(x, tf.constant(perm));
  }

  private static int[] toChannelsLast(int rank) {
    return rank == 4 ? new int[] {0, 2, 3, 1} : new int[] {1, 2, 0};
  }

  private static int[] toChannelsFirst(int rank) {
    return rank == 4 ? new int[] {0, 3, 1, 2} : new int[] {2, 0, 1};
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    long[] dims = inputShape.asArray();
    int heightAxis = dims.length - (config.dataFormat().equals("channels_last") ? 3 : 2);
    dims[heightAxis] = config.height();
    dims[heightAxis + 1] = config.width();
    return Shape.of(dims);
  }

  @Override
  public ResizingConfig getConfig() {
    return config;
  }
}

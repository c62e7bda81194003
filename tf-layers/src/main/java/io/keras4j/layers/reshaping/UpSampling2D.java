package io.keras4j.layers.reshaping;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Tensors;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * Enlarges images by integer factors: {@code nearest} repeats every pixel {@code size[0]} times
 * down and {@code size[1]} times across; {@code bilinear} resizes as Keras' {@code
 * ops.image.resize} (half-pixel centers, no antialiasing). Keras' {@code
 * keras.layers.UpSampling2D}.
 *
 * <p>Input {@code (batch, height, width, channels)} ({@code channels_first}: {@code (batch,
 * channels, height, width)}), output {@code (batch, height * size[0], width * size[1], channels)}.
 * Bilinear output is float32 for integer input, as TensorFlow's resize returns it.
 *
 * <pre>{@code
 * UpSampling2D up = new UpSampling2D(UpSampling2DConfig.builder().size(2, 3).build());
 * KerasTensor y = up.apply(Input.of(3, 3, 2)); // (None, 6, 9, 2)
 * }</pre>
 */
public final class UpSampling2D extends UpSampling {

  private final UpSampling2DConfig config;

  public UpSampling2D(UpSampling2DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public UpSampling2D(UpSampling2DConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    if (!bilinear()) {
      return super.call(tf, input, context);
    }
    Shape expected = computeOutputShape(input.shape());
    Operand<?> x = input;
    if (channelsFirst()) {
      x = tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 3, 1}));
    }
    Operand<TFloat32> resized =
        tf.image.resizeBilinear(
            Tensors.numeric(x), targetSize(tf, x), ResizeBilinear.halfPixelCenters(true));
    Operand<?> y = withStaticShape(tf, resized, channelsLast(expected));
    if (TFloating.class.isAssignableFrom(input.type()) && input.type() != TFloat32.class) {
      y = tf.dtypes.cast(y, input.type());
    }
    if (channelsFirst()) {
      y = tf.linalg.transpose(y, tf.constant(new int[] {0, 3, 1, 2}));
    }
    return y;
  }

  /** {@code (height * size[0], width * size[1])} of a channels-last tensor. */
  private Operand<TInt32> targetSize(Ops tf, Operand<?> nhwc) {
    int fh = config.size().get(0);
    int fw = config.size().get(1);
    Shape s = nhwc.shape();
    if (s.get(1) != Shape.UNKNOWN_SIZE && s.get(2) != Shape.UNKNOWN_SIZE) {
      return tf.constant(new int[] {(int) (s.get(1) * fh), (int) (s.get(2) * fw)});
    }
    DynamicShape d = DynamicShape.of(tf, nhwc);
    return tf.dtypes.cast(d.vector(List.of(d.dim(1, fh), d.dim(2, fw))), TInt32.class);
  }

  /**
   * TensorFlow's resize knows neither output size when either is computed at run time; a reshape
   * restores the sizes that are statically known, as {@link #computeOutputShape} declares them.
   */
  private static <T extends TType> Operand<T> withStaticShape(Ops tf, Operand<T> y, Shape want) {
    Shape got = y.shape();
    boolean missing = false;
    for (int i = 0; i < want.numDimensions(); i++) {
      missing |= got.get(i) == Shape.UNKNOWN_SIZE && want.get(i) != Shape.UNKNOWN_SIZE;
    }
    if (!missing) return y;
    DynamicShape d = DynamicShape.of(tf, y);
    List<Operand<TInt64>> dims = new ArrayList<>();
    for (int i = 0; i < want.numDimensions(); i++) {
      dims.add(want.get(i) != Shape.UNKNOWN_SIZE ? d.constant(want.get(i)) : d.dim(i));
    }
    return tf.reshape(y, d.vector(dims));
  }

  private Shape channelsLast(Shape s) {
    return channelsFirst() ? Shape.of(s.get(0), s.get(2), s.get(3), s.get(1)) : s;
  }

  private boolean bilinear() {
    return config.interpolation().equals(UpSampling2DConfig.BILINEAR);
  }

  @Override
  protected Class<? extends TType> outputDtype(List<TensorSpec> inputs) {
    Class<? extends TType> dtype = super.outputDtype(inputs);
    return bilinear() && !TFloating.class.isAssignableFrom(dtype) ? TFloat32.class : dtype;
  }

  @Override
  List<Integer> size() {
    return config.size();
  }

  @Override
  boolean channelsFirst() {
    return config.dataFormat().equals(ArgumentValidation.CHANNELS_FIRST);
  }

  @Override
  public UpSampling2DConfig getConfig() {
    return config;
  }
}

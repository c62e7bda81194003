package io.keras4j.layers.preprocessing;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.TensorSpec;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * Rescales every value: Keras' {@code keras.layers.Rescaling}.
 *
 * <p>{@code y = x * scale + offset}, computed in the layer's compute dtype whatever the input's
 * dtype (an integer image comes out as floats). {@code scale} and {@code offset} are numbers, or
 * arrays that broadcast against the input's last axes.
 *
 * <p>Input and output of any shape, the same; no weights.
 *
 * <pre>{@code
 * Rescaling rescaling = new Rescaling(RescalingConfig.builder(1 / 127.5).offset(-1).build());
 * KerasTensor y = rescaling.apply(Input.of(4, 4, 3)); // (None, 4, 4, 3)
 * }</pre>
 */
public final class Rescaling extends Layer {

  private final RescalingConfig config;

  public Rescaling(RescalingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Rescaling(RescalingConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return rescale(tf, input, dtypePolicy().computeDtype());
  }

  // Keras reshapes an array scale to (channels, 1, 1) when the global image data format is
  // channels_first; Keras4J follows the default, channels_last, where the scale broadcasts as is.
  @SuppressWarnings("unchecked")
  private <T extends TType> Operand<T> rescale(Ops tf, Operand<?> input, Class<T> type) {
    Operand<T> x = input.type() == type ? (Operand<T>) input : tf.dtypes.cast(input, type);
    Operand<T> scale = tf.dtypes.cast(config.scale().constant(tf), type);
    Operand<T> offset = tf.dtypes.cast(config.offset().constant(tf), type);
    return tf.math.add(tf.math.mul(x, scale), offset);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  /** Keras casts the input to the compute dtype, so the output is floating for any input. */
  @Override
  protected Class<? extends TType> outputDtype(List<TensorSpec> inputs) {
    return dtypePolicy().computeDtype();
  }

  @Override
  public RescalingConfig getConfig() {
    return config;
  }
}

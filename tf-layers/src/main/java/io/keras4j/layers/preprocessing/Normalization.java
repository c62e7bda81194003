package io.keras4j.layers.preprocessing;

import io.keras4j.initializers.Ones;
import io.keras4j.initializers.Zeros;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * Standardizes features with a fixed mean and variance: Keras' {@code keras.layers.Normalization}.
 *
 * <p>{@code y = (x - mean) / max(sqrt(variance), 1e-7)}, or with {@code invert} {@code y = mean + x
 * * max(sqrt(variance), 1e-7)}, computed in the layer's compute dtype. Each position along {@code
 * axis} has its own mean and variance; the other axes share them.
 *
 * <p>The statistics come from the config ({@code mean} and {@code variance}, numbers or arrays
 * aligned right to left with the kept axes) or, for a layer Keras adapted to data, from three
 * non-trainable weights in this order: {@code mean} and {@code variance} of shape {@code
 * (input_shape[a] for a in axis)}, and the scalar int64 {@code count}.
 *
 * <p>Input and output of any shape, the same; the dimensions on {@code axis} must be known.
 *
 * <pre>{@code
 * Normalization norm =
 *     new Normalization(
 *         NormalizationConfig.builder()
 *             .mean(ConstantArray.vector(0.5, -1, 2))
 *             .variance(ConstantArray.vector(4, 0.25, 1))
 *             .build());
 * KerasTensor y = norm.apply(Input.of(5, 3)); // (None, 5, 3)
 * }</pre>
 */
public final class Normalization extends Layer {

  /** Keras' fuzz factor, {@code backend.epsilon()}: the smallest standard deviation divided by. */
  private static final double EPSILON = 1e-7;

  private final NormalizationConfig config;
  private @Nullable Weight mean;
  private @Nullable Weight variance;
  private @Nullable Weight count;

  public Normalization(NormalizationConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Normalization(NormalizationConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    int[] keep = keptAxes(inputShape);
    if (config.mean() == null) {
      Shape shape = Shape.scalar();
      for (int d : keep) shape = shape.append(inputShape.get(d));
      WeightOptions stat = WeightOptions.of(new Zeros()).trainable(false);
      mean = addWeight(tf, "mean", shape, stat);
      variance = addWeight(tf, "variance", shape, WeightOptions.of(new Ones()).trainable(false));
      // Keras keeps it for older saved models; on the TensorFlow backend its "int" is int64.
      count = addWeight(tf, "count", Shape.scalar(), stat.dtype(TInt64.class));
    }
  }

  /** The kept axes, non-negative and sorted, checked against the input as Keras checks them. */
  private int[] keptAxes(Shape inputShape) {
    int rank = inputShape.numDimensions();
    List<Integer> axis = config.axis().values();
    if (axis.stream().anyMatch(a -> a < -rank || a >= rank)) {
      throw new IllegalArgumentException(
          "All `axis` values must be in the range [-ndim, ndim). Received inputs with ndim="
              + rank
              + ", while axis="
              + axis);
    }
    int[] keep = axis.stream().mapToInt(a -> a < 0 ? a + rank : a).sorted().distinct().toArray();
    for (int d : keep) {
      if (inputShape.get(d) == Shape.UNKNOWN_SIZE) {
        throw new IllegalArgumentException(
            "All `axis` values to be kept must have a known shape. Received axis="
                + axis
                + ", inputs.shape="
                + Shapes.toKeras(inputShape)
                + ", with unknown axis at index "
                + d);
      }
    }
    return keep;
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return normalize(tf, input, dtypePolicy().computeDtype().asSubclass(TNumber.class));
  }

  @SuppressWarnings("unchecked")
  private <T extends TNumber> Operand<T> normalize(Ops tf, Operand<?> input, Class<T> type) {
    Operand<T> x = input.type() == type ? (Operand<T>) input : tf.dtypes.cast(input, type);
    Shape inputShape = input.shape();
    int rank = inputShape.numDimensions();
    int[] keep = keptAxes(inputShape);
    long[] broadcast = new long[rank];
    Arrays.fill(broadcast, 1L);
    for (int d : keep) broadcast[d] = inputShape.get(d);
    Operand<T> m;
    Operand<T> v;
    if (config.mean() != null) {
      m = given(tf, config.mean(), type, keep, broadcast);
      v = given(tf, config.variance(), type, keep, broadcast);
    } else {
      m = tf.dtypes.cast(tf.reshape(mean.read(tf), tf.constant(broadcast)), type);
      v = tf.dtypes.cast(tf.reshape(variance.read(tf), tf.constant(broadcast)), type);
    }
    Operand<T> std = tf.math.maximum(tf.math.sqrt(v), tf.dtypes.cast(tf.constant(EPSILON), type));
    return config.invert()
        ? tf.math.add(m, tf.math.mul(x, std))
        : tf.math.div(tf.math.sub(x, m), std);
  }

  /**
   * A mean or variance from the config, broadcast to the input's kept axes: a number everywhere, an
   * array's dimensions aligned right to left with the kept axes, as Keras' {@code build}.
   */
  private static <T extends TType> Operand<T> given(
      Ops tf, ConstantArray value, Class<T> type, int[] keep, long[] broadcast) {
    Operand<? extends TType> c = value.constant(tf);
    if (value.rank() > 0) {
      long[] expanded = new long[broadcast.length];
      Arrays.fill(expanded, 1L);
      for (int i = 1; i <= value.rank(); i++) {
        expanded[keep[keep.length - i]] = value.dimensions().get(value.rank() - i);
      }
      c = tf.reshape(c, tf.constant(expanded));
    }
    // Keras parity: Python numbers become float32 tensors before the cast to the compute dtype;
    // only a float64 array keeps its precision.
    if (!"float64".equals(value.dtype())) {
      c = tf.dtypes.cast(c, TFloat32.class);
    }
    Operand<T> cast = tf.dtypes.cast(c, type);
    return tf.broadcastTo(cast, tf.constant(broadcast));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  /** Keras converts the input to the compute dtype, so the output has it for any input. */
  @Override
  protected Class<? extends TType> outputDtype(List<TensorSpec> inputs) {
    return dtypePolicy().computeDtype();
  }

  @Override
  public NormalizationConfig getConfig() {
    return config;
  }

  public @Nullable Weight mean() {
    return mean;
  }

  public @Nullable Weight variance() {
    return variance;
  }

  public @Nullable Weight count() {
    return count;
  }
}

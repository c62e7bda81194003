package io.keras4j.layers.normalization;

import io.keras4j.initializers.Ones;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Divides each sample by its root mean square over some axes: Keras' {@code
 * keras.layers.RMSNormalization}.
 *
 * <p>{@code y = x * rsqrt(mean(x^2, axis) + epsilon) * scale}.
 *
 * <p>Input and output of any rank, same shape. One weight, {@code scale}, shaped as the input's
 * dimensions on {@code axis} and initialized to ones.
 *
 * <pre>{@code
 * RMSNormalization norm = new RMSNormalization(RMSNormalizationConfig.builder().build());
 * KerasTensor y = norm.apply(Input.of(4, 6)); // (None, 4, 6)
 * }</pre>
 */
public final class RMSNormalization extends Layer {

  private RMSNormalizationConfig config;
  private @Nullable Weight scale;

  public RMSNormalization(RMSNormalizationConfig config) {
    this(config, LayerArgs.defaults());
  }

  public RMSNormalization(RMSNormalizationConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    int rank = inputShape.numDimensions();
    config.axis().canonical(rank);
    // Keras parity: building turns the axis into a sorted list (negative axes stay negative),
    // which is what Keras' get_config then returns.
    int[] sorted = config.axis().values().stream().mapToInt(Integer::intValue).sorted().toArray();
    config = config.withAxis(Axes.list(sorted));
    Shape shape = Shape.scalar();
    for (int a : sorted) {
      long d = inputShape.get(a < 0 ? a + rank : a);
      if (d == Shape.UNKNOWN_SIZE) {
        throw new IllegalArgumentException(
            "RMSNormalization '"
                + name()
                + "' needs known dimensions on its axes "
                + config.axis()
                + ", received an input of shape "
                + Shapes.toKeras(inputShape));
      }
      shape = shape.append(d);
    }
    scale = addWeight(tf, "scale", shape, WeightOptions.of(new Ones()));
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    Operand<?> y = normalize(tf, NormalizationOps.atLeastFloat32(tf, input));
    return NormalizationOps.castTo(tf, y, NormalizationOps.floatingType(dtypePolicy()));
  }

  private <T extends TFloating> Operand<T> normalize(Ops tf, Operand<T> x) {
    Class<T> type = x.type();
    int rank = x.shape().numDimensions();
    int[] axes = config.axis().canonical(rank);
    Operand<T> meanSquare = NormalizationOps.meanSquare(tf, x, axes);
    Operand<T> y =
        tf.math.mul(
            x,
            tf.math.rsqrt(
                tf.math.add(meanSquare, NormalizationOps.scalar(tf, config.epsilon(), type))));
    Operand<T> s = NormalizationOps.read(tf, scale, type);
    // Keras multiplies by scale as it is; reshaping lets axes other than the trailing ones work.
    return tf.math.mul(
        y,
        NormalizationOps.isLastAxis(axes, rank)
            ? s
            : NormalizationOps.broadcastable(tf, s, rank, axes));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    config.axis().checkBounds(inputShape.numDimensions(), Shapes.toKeras(inputShape));
    return inputShape;
  }

  @Override
  public RMSNormalizationConfig getConfig() {
    return config;
  }

  public @Nullable Weight scale() {
    return scale;
  }
}

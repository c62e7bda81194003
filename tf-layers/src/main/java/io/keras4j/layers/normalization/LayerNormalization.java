package io.keras4j.layers.normalization;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.layers.normalization.NormalizationOps.Moments;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Normalizes each sample over some axes: Keras' {@code keras.layers.LayerNormalization}.
 *
 * <p>{@code y = x * inv + (beta - mean * inv)} with {@code inv = rsqrt(variance + epsilon) *
 * gamma}, the mean and variance taken over {@code axis} of each sample. With the deprecated {@code
 * rms_scaling}, {@code y = x * rsqrt(variance + epsilon) * gamma} (no centering, no {@code beta}).
 *
 * <p>Input and output of any rank, same shape. Weights, each shaped as the input's dimensions on
 * {@code axis}: {@code gamma} (when {@code scale} or {@code rms_scaling}), then {@code beta} (when
 * {@code center} and not {@code rms_scaling}).
 *
 * <pre>{@code
 * LayerNormalization norm =
 *     new LayerNormalization(LayerNormalizationConfig.builder().axis(Axes.list(1, 2)).build());
 * KerasTensor y = norm.apply(Input.of(4, 6)); // (None, 4, 6)
 * }</pre>
 */
public final class LayerNormalization extends Layer {

  private LayerNormalizationConfig config;
  private @Nullable Weight gamma;
  private @Nullable Weight beta;

  public LayerNormalization(LayerNormalizationConfig config) {
    this(config, LayerArgs.defaults());
  }

  public LayerNormalization(LayerNormalizationConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    int[] axes = config.axis().canonical(inputShape.numDimensions());
    // Keras parity: building replaces the axes by their sorted, non-negative form, which is what
    // Keras' get_config then returns.
    config = config.withAxis(Axes.list(axes));
    Shape shape = Shape.scalar();
    for (int a : axes) {
      if (inputShape.get(a) == Shape.UNKNOWN_SIZE) {
        throw new IllegalArgumentException(
            "LayerNormalization '"
                + name()
                + "' needs known dimensions on its axes "
                + config.axis()
                + ", received an input of shape "
                + Shapes.toKeras(inputShape));
      }
      shape = shape.append(inputShape.get(a));
    }
    if (config.scale() || config.rmsScaling()) {
      gamma =
          addWeight(
              tf,
              "gamma",
              shape,
              WeightOptions.of(config.gammaInitializer())
                  .regularizer(config.gammaRegularizer())
                  .constraint(config.gammaConstraint()));
    }
    if (config.center() && !config.rmsScaling()) {
      beta =
          addWeight(
              tf,
              "beta",
              shape,
              WeightOptions.of(config.betaInitializer())
                  .regularizer(config.betaRegularizer())
                  .constraint(config.betaConstraint()));
    }
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
    Moments<T> moments = NormalizationOps.moments(tf, x, axes, true);
    Operand<T> inv =
        tf.math.rsqrt(
            tf.math.add(moments.variance(), NormalizationOps.scalar(tf, config.epsilon(), type)));
    if (config.rmsScaling()) {
      Operand<T> y = tf.math.mul(x, inv);
      return gamma == null ? y : tf.math.mul(y, weight(tf, gamma, type, rank, axes));
    }
    if (gamma != null) {
      inv = tf.math.mul(inv, weight(tf, gamma, type, rank, axes));
    }
    // Keras parity: x * inv + (-mean * inv + beta), in the order of Keras' ops.layer_normalization.
    Operand<T> offset = tf.math.neg(tf.math.mul(moments.mean(), inv));
    if (beta != null) {
      offset = tf.math.add(offset, weight(tf, beta, type, rank, axes));
    }
    return tf.math.add(tf.math.mul(x, inv), offset);
  }

  /** A weight in the computation's dtype, shaped to broadcast against the input. */
  private static <T extends TFloating> Operand<T> weight(
      Ops tf, Weight w, Class<T> type, int rank, int[] axes) {
    Operand<T> v = NormalizationOps.read(tf, w, type);
    return NormalizationOps.isLastAxis(axes, rank)
        ? v
        : NormalizationOps.broadcastable(tf, v, rank, axes);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    config.axis().canonical(inputShape.numDimensions());
    return inputShape;
  }

  @Override
  public LayerNormalizationConfig getConfig() {
    return config;
  }

  public @Nullable Weight gamma() {
    return gamma;
  }

  public @Nullable Weight beta() {
    return beta;
  }
}

package io.keras4j.layers.normalization;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Scales each sample to unit L2 norm over some axes: Keras' {@code keras.layers.UnitNormalization}.
 *
 * <p>{@code y = x * rsqrt(max(sum(x^2, axis), 1e-24))}, so that {@code sum(y^2, axis) = 1} (a zero
 * vector stays zero).
 *
 * <p>Input and output of any rank, same shape. No weights.
 *
 * <pre>{@code
 * UnitNormalization norm = new UnitNormalization(UnitNormalizationConfig.builder().build());
 * KerasTensor y = norm.apply(Input.of(6)); // (None, 6)
 * }</pre>
 */
public final class UnitNormalization extends Layer {

  /** Keras' epsilon of {@code ops.normalize}; the squared norm is clamped to its square. */
  private static final double EPSILON = 1e-12;

  private final UnitNormalizationConfig config;

  public UnitNormalization(UnitNormalizationConfig config) {
    this(config, LayerArgs.defaults());
  }

  public UnitNormalization(UnitNormalizationConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    // Keras parity: built at init, so Keras writes no build_config for it.
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return normalize(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> normalize(Ops tf, Operand<T> x) {
    int[] axes = config.axis().canonical(x.shape().numDimensions());
    Operand<T> squareSum = NormalizationOps.sum(tf, tf.math.square(x), axes);
    Operand<T> floor = NormalizationOps.scalar(tf, EPSILON * EPSILON, x.type());
    return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(squareSum, floor)));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    config.axis().checkBounds(inputShape.numDimensions(), Shapes.toKeras(inputShape));
    return inputShape;
  }

  @Override
  public UnitNormalizationConfig getConfig() {
    return config;
  }
}

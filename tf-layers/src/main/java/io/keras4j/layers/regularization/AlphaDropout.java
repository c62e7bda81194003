package io.keras4j.layers.regularization;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Dropout that keeps the mean and variance of self-normalizing (SELU) activations during training.
 * Keras' {@code keras.layers.AlphaDropout}: with {@code keep ~ Bernoulli(1 - rate)} per entry of
 * {@code noise_shape}, {@code alpha' = -1.6732632423543772 * 1.0507009873554805}, {@code a = ((1 -
 * rate) * (1 + rate * alpha'^2))^-1/2} and {@code b = -a * alpha' * rate}:
 *
 * <pre>
 * y = a * (keep ? x : alpha') + b
 * </pre>
 *
 * <p>The identity at inference. Input and output have the same shape. No weights; masks pass
 * through.
 *
 * <pre>{@code
 * AlphaDropout dropout = new AlphaDropout(AlphaDropoutConfig.of(0.1));
 * KerasTensor y = dropout.apply(Input.of(16));
 * }</pre>
 */
public final class AlphaDropout extends Layer {

  /** SELU's constants, as Keras writes them. */
  private static final double ALPHA = 1.6732632423543772848170429916717;

  private static final double SCALE = 1.0507009873554804934193349852946;

  private final AlphaDropoutConfig config;

  public AlphaDropout(AlphaDropoutConfig config) {
    this(config, LayerArgs.defaults());
  }

  public AlphaDropout(AlphaDropoutConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    if (!context.training() || config.rate() == 0.0) {
      return Noise.passThrough(tf, input);
    }
    return alphaDropout(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> alphaDropout(Ops tf, Operand<T> x) {
    double rate = config.rate();
    double alphaP = -ALPHA * SCALE;
    double a = Math.pow((1 - rate) * (1 + rate * alphaP * alphaP), -0.5);
    double b = -a * alphaP * rate;
    Class<T> type = x.type();
    Operand<T> uniform =
        Noise.uniform(
            tf,
            Noise.shape(tf, x, config.noiseShape(), "AlphaDropout '" + name() + "'"),
            type,
            config.seed());
    Operand<T> kept =
        tf.dtypes.cast(tf.math.greaterEqual(uniform, Noise.scalar(tf, rate, type)), type);
    Operand<T> dropped = tf.math.sub(Noise.scalar(tf, 1.0, type), kept);
    Operand<T> mixed =
        tf.math.add(tf.math.mul(x, kept), tf.math.mul(Noise.scalar(tf, alphaP, type), dropped));
    return tf.math.add(tf.math.mul(Noise.scalar(tf, a, type), mixed), Noise.scalar(tf, b, type));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public AlphaDropoutConfig getConfig() {
    return config;
  }
}

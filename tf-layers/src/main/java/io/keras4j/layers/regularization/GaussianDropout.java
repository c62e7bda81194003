package io.keras4j.layers.regularization;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * Multiplies the inputs by Gaussian noise of mean 1 during training: {@code y = x * N(1, rate / (1
 * - rate))}, drawn per entry. Keras' {@code keras.layers.GaussianDropout}.
 *
 * <p>The identity at inference. Input and output have the same shape. No weights; masks pass
 * through.
 *
 * <pre>{@code
 * GaussianDropout dropout = new GaussianDropout(GaussianDropoutConfig.of(0.2));
 * KerasTensor y = dropout.apply(Input.of(16));
 * }</pre>
 */
public final class GaussianDropout extends Layer {

  private final GaussianDropoutConfig config;

  public GaussianDropout(GaussianDropoutConfig config) {
    this(config, LayerArgs.defaults());
  }

  public GaussianDropout(GaussianDropoutConfig config, LayerArgs args) {
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
    return multiplyNoise(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> multiplyNoise(Ops tf, Operand<T> x) {
    double stddev = Math.sqrt(config.rate() / (1.0 - config.rate()));
    Operand<TInt64> shape = tf.shape(x, TInt64.class);
    return tf.math.mul(x, Noise.normal(tf, shape, x.type(), 1.0, stddev, config.seed()));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public GaussianDropoutConfig getConfig() {
    return config;
  }
}

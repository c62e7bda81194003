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
 * Adds zero-centred Gaussian noise during training: {@code y = x + N(0, stddev^2)}, drawn per
 * entry. Keras' {@code keras.layers.GaussianNoise}.
 *
 * <p>The identity at inference. Input and output have the same shape. No weights; masks pass
 * through.
 *
 * <pre>{@code
 * GaussianNoise noise = new GaussianNoise(GaussianNoiseConfig.of(0.1));
 * KerasTensor y = noise.apply(Input.of(16));
 * }</pre>
 */
public final class GaussianNoise extends Layer {

  private final GaussianNoiseConfig config;

  public GaussianNoise(GaussianNoiseConfig config) {
    this(config, LayerArgs.defaults());
  }

  public GaussianNoise(GaussianNoiseConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    if (!context.training() || config.stddev() == 0.0) {
      return Noise.passThrough(tf, input);
    }
    return addNoise(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> addNoise(Ops tf, Operand<T> x) {
    Operand<TInt64> shape = tf.shape(x, TInt64.class);
    return tf.math.add(x, Noise.normal(tf, shape, x.type(), 0.0, config.stddev(), config.seed()));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public GaussianNoiseConfig getConfig() {
    return config;
  }
}

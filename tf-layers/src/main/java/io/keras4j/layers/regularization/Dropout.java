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
 * Randomly sets inputs to 0 during training, scaling the others so that the expected sum is
 * unchanged: {@code y = keep ? x / (1 - rate) : 0} with {@code P(keep) = 1 - rate}, one draw per
 * entry of {@code noise_shape} (broadcast over the input). Keras' {@code keras.layers.Dropout}.
 *
 * <p>The identity at inference. Input and output have the same shape. No weights; masks pass
 * through.
 *
 * <pre>{@code
 * Dropout dropout = new Dropout(DropoutConfig.builder(0.5).seed(7L).build());
 * KerasTensor y = dropout.apply(Input.of(16));
 * }</pre>
 */
public final class Dropout extends Layer {

  private final DropoutConfig config;

  public Dropout(DropoutConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Dropout(DropoutConfig config, LayerArgs args) {
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
    return dropout(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> dropout(Ops tf, Operand<T> x) {
    return Noise.dropout(
        tf,
        x,
        config.rate(),
        Noise.shape(tf, x, config.noiseShape(), "Dropout '" + name() + "'"),
        config.seed());
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public DropoutConfig getConfig() {
    return config;
  }
}

package io.keras4j.layers.activations;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;

/**
 * The leaky rectified linear unit, element-wise: {@code f(x) = x} for {@code x >= 0}, {@code
 * negative_slope * x} otherwise. Keras' {@code keras.layers.LeakyReLU}.
 *
 * <p>Input and output have the same shape. No weights; masks pass through.
 *
 * <pre>{@code
 * LeakyReLU leaky = new LeakyReLU(LeakyReLUConfig.of(0.1));
 * KerasTensor y = leaky.apply(Input.of(8));
 * }</pre>
 */
public final class LeakyReLU extends Layer {

  private final LeakyReLUConfig config;

  public LeakyReLU(LeakyReLUConfig config) {
    this(config, LayerArgs.defaults());
  }

  public LeakyReLU(LeakyReLUConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return tf.nn.leakyRelu(Tensors.numeric(input), LeakyRelu.alpha((float) config.negativeSlope()));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public LeakyReLUConfig getConfig() {
    return config;
  }
}

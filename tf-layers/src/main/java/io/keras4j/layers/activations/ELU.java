package io.keras4j.layers.activations;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The exponential linear unit, element-wise: {@code f(x) = x} for {@code x > 0}, {@code alpha *
 * (exp(x) - 1)} otherwise. Keras' {@code keras.layers.ELU}.
 *
 * <p>Input and output have the same shape. No weights; masks pass through.
 *
 * <pre>{@code
 * ELU elu = new ELU(ELUConfig.of(0.7));
 * KerasTensor y = elu.apply(Input.of(8));
 * }</pre>
 */
public final class ELU extends Layer {

  private final ELUConfig config;

  public ELU(ELUConfig config) {
    this(config, LayerArgs.defaults());
  }

  public ELU(ELUConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return elu(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> elu(Ops tf, Operand<T> x) {
    Operand<T> y = tf.nn.elu(x);
    if (config.alpha() == 1.0) {
      return y;
    }
    // Keras parity: the TensorFlow backend's elu scales TensorFlow's alpha=1 ELU where x <= 0.
    Operand<T> alpha = tf.dtypes.cast(tf.constant(config.alpha()), x.type());
    return tf.select(tf.math.greater(x, tf.zerosLike(x)), y, tf.math.mul(alpha, y));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public ELUConfig getConfig() {
    return config;
  }
}

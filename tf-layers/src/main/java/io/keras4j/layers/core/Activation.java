package io.keras4j.layers.core;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * Applies an activation function element-wise: {@code activation(x)}. Keras' {@code
 * keras.layers.Activation}.
 *
 * <p>Input and output have the same shape. No weights; masks pass through.
 *
 * <pre>{@code
 * Activation relu = new Activation(ActivationConfig.of("relu"));
 * KerasTensor y = relu.apply(Input.of(8));
 * }</pre>
 */
public final class Activation extends Layer {

  private final ActivationConfig config;

  public Activation(ActivationConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Activation(ActivationConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    Operand<?> output = config.activation().call(tf, Tensors.numeric(input));
    // "linear" returns its input: give it a node of its own, so that a model whose output this is
    // never fetches what it feeds.
    return output == input ? tf.identity(input) : output;
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public ActivationConfig getConfig() {
    return config;
  }
}

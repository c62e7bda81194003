package io.keras4j.layers.core;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * Returns its input unchanged: {@code y = x}. Keras' {@code keras.layers.Identity}, a placeholder
 * where no operation is wanted.
 *
 * <p>Output shape is the input's. No weights; masks pass through.
 *
 * <pre>{@code
 * Identity identity = new Identity(new IdentityConfig());
 * KerasTensor y = identity.apply(Input.of(8));
 * }</pre>
 */
public final class Identity extends Layer {

  private final IdentityConfig config;

  public Identity(IdentityConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Identity(IdentityConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    // A node of its own, so that a model whose output this is never fetches what it feeds.
    return tf.identity(input);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public IdentityConfig getConfig() {
    return config;
  }
}

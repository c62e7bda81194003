package io.keras4j.it.seed;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A Java replacement for a Keras {@code Lambda(lambda t: t * 2.0 + 1.0)}: registered under the
 * Lambda layer's name, it stands in for the Python code a model file holds but Keras4J never runs.
 */
public final class ScaleShift extends Layer {

  /** No settings: the Lambda's {@code function} and {@code arguments} keys are kept unread. */
  public record Config() {}

  private final Config config;

  public ScaleShift(Config config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext ctx) {
    Operand<TFloating> x = Tensors.floating(input);
    return tf.math.add(
        tf.math.mul(x, tf.dtypes.cast(tf.constant(2f), x.type())),
        tf.dtypes.cast(tf.constant(1f), x.type()));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public Config getConfig() {
    return config;
  }
}

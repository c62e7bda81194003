package io.keras4j.layers.reshaping;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * Repeats every sample {@code n} times along a new axis 1. Keras' {@code
 * keras.layers.RepeatVector}.
 *
 * <p>Input {@code (batch, features)}, output {@code (batch, n, features)} with {@code y[b, i, :] =
 * x[b, :]}.
 *
 * <pre>{@code
 * RepeatVector repeat = new RepeatVector(RepeatVectorConfig.of(3));
 * KerasTensor y = repeat.apply(Input.of(4)); // (None, 3, 4)
 * }</pre>
 */
public final class RepeatVector extends Layer {

  private final RepeatVectorConfig config;

  public RepeatVector(RepeatVectorConfig config) {
    this(config, LayerArgs.defaults());
  }

  public RepeatVector(RepeatVectorConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    InputRank.check(this, input.shape(), 2);
    Operand<?> x = tf.expandDims(input, tf.constant(1));
    return tf.tile(x, tf.constant(new int[] {1, config.n(), 1}));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    InputRank.check(this, inputShape, 2);
    return Shape.of(inputShape.get(0), config.n(), inputShape.get(1));
  }

  @Override
  public RepeatVectorConfig getConfig() {
    return config;
  }
}

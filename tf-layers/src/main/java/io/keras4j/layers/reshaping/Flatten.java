package io.keras4j.layers.reshaping;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * Flattens every sample to one axis, keeping the batch. Keras' {@code keras.layers.Flatten}.
 *
 * <p>Input {@code (batch, d1, ..., dn)}, output {@code (batch, d1 * ... * dn)}; a rank-1 input
 * {@code (batch,)} gives {@code (batch, 1)}. With {@code channels_first} the channel axis is moved
 * last before flattening, so the order of values is the one the same data in {@code channels_last}
 * gives.
 *
 * <pre>{@code
 * Flatten flatten = new Flatten(FlattenConfig.defaults());
 * KerasTensor y = flatten.apply(Input.of(3, 4, 2)); // (None, 24)
 * }</pre>
 */
public final class Flatten extends Layer {

  private final FlattenConfig config;

  public Flatten(FlattenConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Flatten(FlattenConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    Shape out = computeOutputShape(input.shape());
    int rank = input.shape().numDimensions();
    Operand<?> x = input;
    // Keras parity: channels_first moves the channel axis last first; for rank 2 that is a no-op.
    if (config.channelsFirst() && rank > 2) {
      int[] perm = new int[rank];
      for (int i = 1; i < rank - 1; i++) perm[i] = i + 1;
      perm[rank - 1] = 1;
      x = tf.linalg.transpose(x, tf.constant(perm));
    }
    DynamicShape shape = DynamicShape.of(tf, input);
    long flat = out.get(1);
    // Keras parity: the batch comes from the tensor and the flat size is static where known, -1
    // (inferred) otherwise.
    return tf.reshape(x, shape.vector(List.of(shape.dim(0), shape.constant(flat))));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    if (inputShape.isUnknown() || inputShape.numDimensions() < 1) {
      throw new IllegalArgumentException(
          "Input 0 of layer \""
              + name()
              + "\" (Flatten) is incompatible with the layer: expected min_ndim=1, received "
              + inputShape);
    }
    long flat = 1;
    for (int i = 1; i < inputShape.numDimensions(); i++) {
      long d = inputShape.get(i);
      if (d == Shape.UNKNOWN_SIZE) {
        flat = Shape.UNKNOWN_SIZE;
        break;
      }
      flat *= d;
    }
    return Shape.of(inputShape.get(0), flat);
  }

  @Override
  public FlattenConfig getConfig() {
    return config;
  }
}

package io.keras4j.layers.reshaping;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;

/**
 * Reshapes every sample to {@code target_shape}; one entry may be {@code -1}, inferred from the
 * sample's size. Keras' {@code keras.layers.Reshape}.
 *
 * <p>Input {@code (batch, d1, ..., dn)}, output {@code (batch, *target_shape)}: the values in
 * row-major order are unchanged.
 *
 * <pre>{@code
 * Reshape reshape = new Reshape(ReshapeConfig.of(-1, 2));
 * KerasTensor y = reshape.apply(Input.of(3, 4)); // (None, 6, 2)
 * }</pre>
 */
public final class Reshape extends Layer {

  private final ReshapeConfig config;

  public Reshape(ReshapeConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Reshape(ReshapeConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    buildAtInit(); // Keras parity: Reshape is built in its constructor
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    Shape out = computeOutputShape(input.shape());
    DynamicShape in = DynamicShape.of(tf, input);
    List<Operand<TInt64>> dims = new ArrayList<>();
    // Keras parity: the batch is read from the tensor, and a -1 that the static shape resolves is
    // replaced by its value, so the output's static shape is the one computeOutputShape declares.
    dims.add(in.dim(0));
    for (int i = 1; i < out.numDimensions(); i++) {
      dims.add(in.constant(out.get(i)));
    }
    return tf.reshape(input, in.vector(dims));
  }

  /**
   * The batch dimension, then {@code target_shape} with its {@code -1} resolved where the sample
   * shape is fully known (left unknown otherwise).
   */
  @Override
  public Shape computeOutputShape(Shape inputShape) {
    if (inputShape.isUnknown() || inputShape.numDimensions() < 1) {
      throw new IllegalArgumentException(
          "Reshape '" + name() + "' needs an input with a batch dimension, received " + inputShape);
    }
    List<Integer> target = config.targetShape();
    long[] out = new long[target.size() + 1];
    out[0] = inputShape.get(0);
    boolean sampleKnown = true;
    long sampleSize = 1;
    for (int i = 1; i < inputShape.numDimensions(); i++) {
      long d = inputShape.get(i);
      if (d == Shape.UNKNOWN_SIZE) sampleKnown = false;
      else sampleSize *= d;
    }
    long known = 1;
    int unknownAt = -1;
    for (int i = 0; i < target.size(); i++) {
      int d = target.get(i);
      out[i + 1] = d == -1 ? Shape.UNKNOWN_SIZE : d;
      if (d == -1) unknownAt = i + 1;
      else known *= d;
    }
    if (!sampleKnown) {
      return Shape.of(out);
    }
    if (unknownAt < 0 && known != sampleSize) {
      throw sizeError(inputShape, "The total size of the tensor must be unchanged.");
    }
    if (unknownAt >= 0) {
      if (known == 0 || sampleSize % known != 0) {
        throw sizeError(
            inputShape,
            "The total size of the tensor must be unchanged, however, the input size cannot be"
                + " divided by the specified dimensions in target_shape.");
      }
      out[unknownAt] = sampleSize / known;
    }
    return Shape.of(out);
  }

  private IllegalArgumentException sizeError(Shape inputShape, String what) {
    return new IllegalArgumentException(
        "Reshape '"
            + name()
            + "': "
            + what
            + " Received: input_shape="
            + Shapes.toKeras(inputShape)
            + ", target_shape="
            + config.targetShape());
  }

  @Override
  public ReshapeConfig getConfig() {
    return config;
  }
}

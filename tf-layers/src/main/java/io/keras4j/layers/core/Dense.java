package io.keras4j.layers.core;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * A densely connected layer: {@code activation(x · kernel + bias)} over the last axis. Keras'
 * {@code keras.layers.Dense}.
 *
 * <p>Input {@code (batch, ..., d)}, output {@code (batch, ..., units)}. Weights: {@code kernel}
 * {@code (d, units)}, then {@code bias} {@code (units,)} when {@code use_bias}.
 *
 * <pre>{@code
 * Dense dense = new Dense(DenseConfig.builder(4).activation(BuiltinActivation.RELU).build());
 * KerasTensor y = dense.apply(Input.of(8));
 * }</pre>
 */
public final class Dense extends Layer {

  private final DenseConfig config;
  private @Nullable Weight kernel;
  private @Nullable Weight bias;

  public Dense(DenseConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Dense(DenseConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    long inputDim = inputShape.get(inputShape.numDimensions() - 1);
    if (inputDim == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException(
          "Dense '" + name() + "' needs a known last input dimension, received " + inputShape);
    }
    kernel =
        addWeight(
            tf,
            "kernel",
            Shape.of(inputDim, config.units()),
            WeightOptions.of(config.kernelInitializer())
                .regularizer(config.kernelRegularizer())
                .constraint(config.kernelConstraint()));
    if (config.useBias()) {
      bias =
          addWeight(
              tf,
              "bias",
              Shape.of(config.units()),
              WeightOptions.of(config.biasInitializer())
                  .regularizer(config.biasRegularizer())
                  .constraint(config.biasConstraint()));
    }
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    Operand<TFloating> x = Tensors.floating(input);
    Operand<TFloating> k = kernel.read(tf);
    Operand<TFloating> y = matMulLastAxis(tf, x, k);
    if (bias != null) {
      y = tf.nn.biasAdd(y, bias.read(tf));
    }
    return config.activation().call(tf, y);
  }

  /**
   * {@code x · kernel} over the last axis of {@code x} of any rank, as Keras' {@code ops.matmul(x,
   * kernel)} for a 2-D kernel.
   */
  public static <T extends TType> Operand<T> matMulLastAxis(
      Ops tf, Operand<T> x, Operand<T> kernel) {
    int rank = x.shape().numDimensions();
    if (rank == 2) {
      return tf.linalg.matMul(x, kernel);
    }
    long inDim = kernel.shape().get(0);
    long outDim = kernel.shape().get(1);
    Operand<T> flat = tf.reshape(x, tf.constant(new long[] {-1, inDim}));
    Operand<T> y = tf.linalg.matMul(flat, kernel);
    Operand<TInt64> leading =
        tf.stridedSlice(
            tf.shape(x, TInt64.class),
            tf.constant(new long[] {0}),
            tf.constant(new long[] {-1}),
            tf.constant(new long[] {1}));
    Operand<TInt64> outShape =
        tf.concat(java.util.List.of(leading, tf.constant(new long[] {outDim})), tf.constant(0));
    return tf.reshape(y, outShape);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape.take(inputShape.numDimensions() - 1).append(config.units());
  }

  @Override
  public DenseConfig getConfig() {
    return config;
  }

  public @Nullable Weight kernel() {
    return kernel;
  }

  public @Nullable Weight bias() {
    return bias;
  }
}

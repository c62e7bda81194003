package io.keras4j.layers.convolutional;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.layers.convolutional.internal.ConvOps;
import io.keras4j.layers.convolutional.internal.InputShapes;
import io.keras4j.layers.convolutional.internal.KerasTuple;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The N-D transposed convolution shared by {@link Conv1DTranspose}, {@link Conv2DTranspose} and
 * {@link Conv3DTranspose}, as Keras' {@code BaseConvTranspose}: the gradient of a convolution with
 * respect to its input, then bias and activation.
 */
abstract class BaseConvTranspose extends Layer {

  private final int rank;
  private final ConvTransposeConfig config;
  private @Nullable Weight kernel;
  private @Nullable Weight bias;

  BaseConvTranspose(int rank, ConvTransposeConfig config, LayerArgs args) {
    super(ConvConfig.argsWith(args, config.activityRegularizer()));
    this.rank = rank;
    this.config = config.forRank(rank, args().activityRegularizer());
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    long channels = InputShapes.channels(this, rank, config.dataFormat(), inputShape);
    computeOutputShape(inputShape);
    kernel =
        addWeight(
            tf,
            "kernel",
            KerasTuple.shape(config.kernelSize()).append(config.filters()).append(channels),
            WeightOptions.of(config.kernelInitializer())
                .regularizer(config.kernelRegularizer())
                .constraint(config.kernelConstraint()));
    if (config.useBias()) {
      bias =
          addWeight(
              tf,
              "bias",
              Shape.of(config.filters()),
              WeightOptions.of(config.biasInitializer())
                  .regularizer(config.biasRegularizer())
                  .constraint(config.biasConstraint()));
    }
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return convolveTranspose(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> convolveTranspose(Ops tf, Operand<T> input) {
    DataFormat format = config.dataFormat();
    Operand<T> x = format.toChannelsLast(tf, input);
    List<Operand<TInt32>> outputShape = new ArrayList<>(rank + 2);
    outputShape.add(ConvOps.size(tf, x, 0));
    for (int i = 0; i < rank; i++) {
      long n = x.shape().get(i + 1);
      if (n != Shape.UNKNOWN_SIZE) {
        outputShape.add(tf.constant((int) outputLength(i, n)));
      } else {
        // Every case of Keras' formula is n * stride + a constant offset.
        int offset = (int) (outputLength(i, 1) - config.strides().get(i));
        outputShape.add(
            tf.math.add(
                tf.math.mul(ConvOps.size(tf, x, i + 1), tf.constant(config.strides().get(i))),
                tf.constant(offset)));
      }
    }
    outputShape.add(tf.constant(config.filters()));
    Operand<T> y =
        ConvOps.convTranspose(
            tf,
            x,
            ConvOps.read(tf, kernel, x.type()),
            outputShape,
            config.strides(),
            config.padding(),
            config.dilationRate());
    if (bias != null) {
      y = tf.nn.biasAdd(y, ConvOps.read(tf, bias, x.type()));
    }
    return config.activation().call(tf, format.fromChannelsLast(tf, y));
  }

  /**
   * Keras' output length of a transposed convolution along spatial axis {@code axis} for an input
   * of {@code n} cells, as TensorFlow's padding defines it.
   */
  private long outputLength(int axis, long n) {
    int k = config.kernelSize().get(axis);
    int s = config.strides().get(axis);
    int d = config.dilationRate().get(axis);
    Integer outputPadding =
        config.outputPadding() == null ? null : config.outputPadding().get(axis);
    int effective = (k - 1) * d + 1;
    if (config.padding() == Padding.VALID) {
      int extra = outputPadding == null ? Math.max(effective, s) - effective : outputPadding;
      return (n - 1) * s + effective + extra;
    }
    return outputPadding == null ? n * s : (n - 1) * s + effective % 2 + outputPadding;
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    InputShapes.checkRank(this, rank, inputShape);
    DataFormat format = config.dataFormat();
    long[] in = format.spatial(inputShape);
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      out[i] = in[i] == Shape.UNKNOWN_SIZE ? Shape.UNKNOWN_SIZE : outputLength(i, in[i]);
    }
    return format.shape(inputShape.get(0), out, config.filters());
  }

  @Override
  public ConvTransposeConfig getConfig() {
    return config;
  }

  /** The kernel, {@code (*kernel_size, filters, in)}; null until built. */
  public @Nullable Weight kernel() {
    return kernel;
  }

  /** The bias, {@code (filters,)}; null until built or without {@code use_bias}. */
  public @Nullable Weight bias() {
    return bias;
  }
}

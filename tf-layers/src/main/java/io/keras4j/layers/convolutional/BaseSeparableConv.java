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
import java.util.Collections;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The separable convolution shared by {@link SeparableConv1D} and {@link SeparableConv2D}, as
 * Keras' {@code BaseSeparableConv}: a depthwise convolution, then a pointwise (1x1) convolution
 * mixing the channels, then bias and activation.
 */
abstract class BaseSeparableConv extends Layer {

  private final int rank;
  private final SeparableConvConfig config;
  private @Nullable Weight depthwiseKernel;
  private @Nullable Weight pointwiseKernel;
  private @Nullable Weight bias;

  BaseSeparableConv(int rank, SeparableConvConfig config, LayerArgs args) {
    super(ConvConfig.argsWith(args, config.activityRegularizer()));
    this.rank = rank;
    this.config = config.forRank(rank, args().activityRegularizer());
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    long channels = InputShapes.channels(this, rank, config.dataFormat(), inputShape);
    computeOutputShape(inputShape);
    depthwiseKernel =
        addWeight(
            tf,
            "depthwise_kernel",
            KerasTuple.shape(config.kernelSize()).append(channels).append(config.depthMultiplier()),
            WeightOptions.of(config.depthwiseInitializer())
                .regularizer(config.depthwiseRegularizer())
                .constraint(config.depthwiseConstraint()));
    pointwiseKernel =
        addWeight(
            tf,
            "pointwise_kernel",
            KerasTuple.shape(Collections.nCopies(rank, 1))
                .append(channels * config.depthMultiplier())
                .append(config.filters()),
            WeightOptions.of(config.pointwiseInitializer())
                .regularizer(config.pointwiseRegularizer())
                .constraint(config.pointwiseConstraint()));
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
    return convolve(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> convolve(Ops tf, Operand<T> input) {
    DataFormat format = config.dataFormat();
    Operand<T> x = format.toChannelsLast(tf, input);
    Operand<T> depthwise =
        ConvOps.depthwiseConv(
            tf,
            x,
            ConvOps.read(tf, depthwiseKernel, x.type()),
            config.strides(),
            config.padding(),
            config.dilationRate());
    Operand<T> y =
        ConvOps.conv(
            tf,
            depthwise,
            ConvOps.read(tf, pointwiseKernel, x.type()),
            Collections.nCopies(rank, 1),
            Padding.VALID,
            Collections.nCopies(rank, 1),
            1);
    if (bias != null) {
      y = tf.nn.biasAdd(y, ConvOps.read(tf, bias, x.type()));
    }
    return config.activation().call(tf, format.fromChannelsLast(tf, y));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    InputShapes.checkRank(this, rank, inputShape);
    DataFormat format = config.dataFormat();
    long[] in = format.spatial(inputShape);
    long[] out =
        config
            .padding()
            .outputLengths(in, config.kernelSize(), config.strides(), config.dilationRate());
    return format.shape(inputShape.get(0), out, config.filters());
  }

  @Override
  public SeparableConvConfig getConfig() {
    return config;
  }

  /** The depthwise kernel, {@code (*kernel_size, channels, depth_multiplier)}; null until built. */
  public @Nullable Weight depthwiseKernel() {
    return depthwiseKernel;
  }

  /** The pointwise kernel, {@code (1, ..., channels * depth_multiplier, filters)}. */
  public @Nullable Weight pointwiseKernel() {
    return pointwiseKernel;
  }

  /** The bias, {@code (filters,)}; null until built or without {@code use_bias}. */
  public @Nullable Weight bias() {
    return bias;
  }
}

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
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The depthwise convolution shared by {@link DepthwiseConv1D} and {@link DepthwiseConv2D}, as
 * Keras' {@code BaseDepthwiseConv}: each input channel convolved with its own {@code
 * depth_multiplier} filters, then bias and activation.
 */
abstract class BaseDepthwiseConv extends Layer {

  private final int rank;
  private final DepthwiseConvConfig config;
  private @Nullable Weight kernel;
  private @Nullable Weight bias;

  BaseDepthwiseConv(int rank, DepthwiseConvConfig config, LayerArgs args) {
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
            KerasTuple.shape(config.kernelSize()).append(channels).append(config.depthMultiplier()),
            WeightOptions.of(config.depthwiseInitializer())
                .regularizer(config.depthwiseRegularizer())
                .constraint(config.depthwiseConstraint()));
    if (config.useBias()) {
      bias =
          addWeight(
              tf,
              "bias",
              Shape.of(channels * config.depthMultiplier()),
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
    Operand<T> y =
        ConvOps.depthwiseConv(
            tf,
            x,
            ConvOps.read(tf, kernel, x.type()),
            config.strides(),
            config.padding(),
            config.dilationRate());
    if (bias != null) {
      y = tf.nn.biasAdd(y, ConvOps.read(tf, bias, x.type()));
    }
    return config.activation().call(tf, format.fromChannelsLast(tf, y));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    InputShapes.checkRank(this, rank, inputShape);
    DataFormat format = config.dataFormat();
    long channels = format.channels(inputShape);
    long[] in = format.spatial(inputShape);
    long[] out =
        config
            .padding()
            .outputLengths(in, config.kernelSize(), config.strides(), config.dilationRate());
    long filters =
        channels == Shape.UNKNOWN_SIZE ? Shape.UNKNOWN_SIZE : channels * config.depthMultiplier();
    return format.shape(inputShape.get(0), out, filters);
  }

  @Override
  public DepthwiseConvConfig getConfig() {
    return config;
  }

  /** The depthwise kernel, {@code (*kernel_size, channels, depth_multiplier)}; null until built. */
  public @Nullable Weight kernel() {
    return kernel;
  }

  /** The bias, {@code (channels * depth_multiplier,)}; null until built or without a bias. */
  public @Nullable Weight bias() {
    return bias;
  }
}

package io.keras4j.layers.convolutional;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
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
 * The N-D convolution shared by {@link Conv1D}, {@link Conv2D} and {@link Conv3D}, as Keras' {@code
 * BaseConv}: {@code activation(conv(x, kernel) + bias)}.
 */
abstract class BaseConv extends Layer {

  private final int rank;
  private final ConvConfig config;
  private @Nullable Weight kernel;
  private @Nullable Weight bias;

  BaseConv(int rank, ConvConfig config, LayerArgs args) {
    super(ConvConfig.argsWith(args, config.activityRegularizer()));
    this.rank = rank;
    this.config = config.forRank(rank, args().activityRegularizer());
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    long channels = InputShapes.channels(this, rank, config.dataFormat(), inputShape);
    if (channels % config.groups() != 0) {
      throw new IllegalArgumentException(
          "The number of input channels must be evenly divisible by the number of groups."
              + " Received groups="
              + config.groups()
              + ", but the input has "
              + channels
              + " channels (full input shape is "
              + Shapes.toKeras(inputShape)
              + ").");
    }
    computeOutputShape(inputShape);
    Shape kernelShape =
        KerasTuple.shape(config.kernelSize())
            .append(channels / config.groups())
            .append(config.filters());
    kernel =
        addWeight(
            tf,
            "kernel",
            kernelShape,
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
    return convolve(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> convolve(Ops tf, Operand<T> input) {
    DataFormat format = config.dataFormat();
    Operand<T> x = format.toChannelsLast(tf, input);
    Padding padding = config.padding();
    if (padding == Padding.CAUSAL) {
      // Keras parity: Conv1D pads dilation * (kernel - 1) steps before the sequence, then runs
      // a valid convolution.
      int left = config.dilationRate().get(0) * (config.kernelSize().get(0) - 1);
      x =
          tf.pad(
              x,
              tf.constant(new int[][] {{0, 0}, {left, 0}, {0, 0}}),
              tf.dtypes.cast(tf.constant(0), x.type()));
      padding = Padding.VALID;
    }
    Operand<T> y =
        ConvOps.conv(
            tf,
            x,
            ConvOps.read(tf, kernel, x.type()),
            config.strides(),
            padding,
            config.dilationRate(),
            config.groups());
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
  public ConvConfig getConfig() {
    return config;
  }

  /** The convolution kernel, {@code (*kernel_size, in / groups, filters)}; null until built. */
  public @Nullable Weight kernel() {
    return kernel;
  }

  /** The bias, {@code (filters,)}; null until built or without {@code use_bias}. */
  public @Nullable Weight bias() {
    return bias;
  }
}

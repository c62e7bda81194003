package io.keras4j.layers.recurrent;

import io.keras4j.initializers.Initializer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.layers.convolutional.Padding;
import io.keras4j.layers.convolutional.internal.ConvOps;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.types.family.TFloating;

/**
 * The step of {@link ConvLSTM2D}: Keras' {@code ConvLSTMCell} of rank 2, an {@link LSTMCell} whose
 * products are convolutions. With {@code *} a convolution of the input ({@code strides}, {@code
 * padding}, {@code dilation_rate}) or of the state (stride 1, {@code same} padding), gates in
 * Keras' order input, forget, cell, output:
 *
 * <pre>
 * [z_i, z_f, z_c, z_o] = x * kernel + h_prev * recurrent_kernel + bias
 * c = σ(z_f) * c_prev + σ(z_i) * activation(z_c)
 * h = σ(z_o) * activation(c)
 * </pre>
 *
 * <p>Weights: {@code kernel} {@code (kh, kw, channels, 4 * filters)}, {@code recurrent_kernel}
 * {@code (kh, kw, filters, 4 * filters)}, {@code bias} {@code (4 * filters,)}. Its settings are its
 * layer's: Keras saves no config for this cell.
 */
final class ConvLSTMCell extends RNNCell {

  private static final int GATES = 4;
  private static final int[] TO_CHANNELS_LAST = {0, 2, 3, 1};
  private static final int[] TO_CHANNELS_FIRST = {0, 3, 1, 2};

  private final ConvLSTM2DConfig config;
  private @Nullable Weight kernel;
  private @Nullable Weight recurrentKernel;
  private @Nullable Weight bias;

  ConvLSTMCell(ConvLSTM2DConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    if (inputShape.numDimensions() != 4) {
      throw new IllegalArgumentException(
          "ConvLSTM2D expects steps of rank 4 (batch, rows, cols, channels), received "
              + inputShape);
    }
    long channels = inputShape.get(config.channelsFirst() ? 1 : 3);
    for (long d : spatial(inputShape)) {
      if (d == Shape.UNKNOWN_SIZE) {
        throw new IllegalArgumentException(
            "ConvLSTM layers only support static input shapes for the spatial dimension."
                + " Received invalid input shape: input_shape="
                + inputShape);
      }
    }
    if (channels == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException(
          "The channel dimension of the inputs should be defined. Found None. Full input shape"
              + " received: input_shape="
              + inputShape);
    }
    int filters = config.filters();
    long kh = config.kernelSize().get(0);
    long kw = config.kernelSize().get(1);
    kernel =
        addWeight(
            tf,
            "kernel",
            Shape.of(kh, kw, channels, GATES * filters),
            WeightOptions.of(config.kernelInitializer())
                .regularizer(config.kernelRegularizer())
                .constraint(config.kernelConstraint()));
    recurrentKernel =
        addWeight(
            tf,
            "recurrent_kernel",
            Shape.of(kh, kw, filters, GATES * filters),
            WeightOptions.of(config.recurrentInitializer())
                .regularizer(config.recurrentRegularizer())
                .constraint(config.recurrentConstraint()));
    if (config.useBias()) {
      Initializer init =
          config.unitForgetBias()
              ? new UnitForgetBias(config.biasInitializer(), filters)
              : config.biasInitializer();
      bias =
          addWeight(
              tf,
              "bias",
              Shape.of(GATES * filters),
              WeightOptions.of(init)
                  .regularizer(config.biasRegularizer())
                  .constraint(config.biasConstraint()));
    }
  }

  @Override
  public Step prepare(Ops tf, Operand<TFloating> stepInput, boolean training) {
    Class<TFloating> dtype = stepInput.type();
    Operand<TFloating> k = read(tf, kernel, dtype);
    Operand<TFloating> r = read(tf, recurrentKernel, dtype);
    Operand<TFloating> b = bias == null ? null : read(tf, bias, dtype);
    Shape inputShape = channelsLast(stepInput.shape());
    Shape stateShape = stateShape(stepInput.shape());
    // Keras parity: the conv cell always draws one dropout mask per gate.
    List<Operand<TFloating>> inputMasks =
        training
            ? dropoutMasks(
                tf,
                batchShape(tf, stepInput, inputShape.get(1), inputShape.get(2), inputShape.get(3)),
                dtype,
                config.dropout(),
                config.seed(),
                GATES)
            : List.of();
    List<Operand<TFloating>> stateMasks =
        training
            ? dropoutMasks(
                tf,
                batchShape(tf, stepInput, stateShape.get(1), stateShape.get(2), stateShape.get(3)),
                dtype,
                config.recurrentDropout(),
                config.seed() == null ? null : config.seed() + GATES,
                GATES)
            : List.of();
    boolean perGate = !inputMasks.isEmpty() || !stateMasks.isEmpty();
    List<Operand<TFloating>> ks = perGate ? split(tf, k) : null;
    List<Operand<TFloating>> rs = perGate ? split(tf, r) : null;
    List<Operand<TFloating>> bs = perGate && b != null ? split(tf, b) : null;
    return (s, x, states) -> {
      Operand<TFloating> xt = toChannelsLast(s, x);
      Operand<TFloating> h = toChannelsLast(s, states.get(0));
      Operand<TFloating> c = toChannelsLast(s, states.get(1));
      List<Operand<TFloating>> z;
      if (!perGate) {
        // All gates from one convolution with each kernel: the same sums as Keras' four.
        Operand<TFloating> zx = inputConv(s, xt, k);
        if (b != null) zx = s.nn.biasAdd(zx, b);
        z = split(s, s.math.add(zx, recurrentConv(s, h, r)));
      } else {
        z = new ArrayList<>(GATES);
        for (int gate = 0; gate < GATES; gate++) {
          Operand<TFloating> xg = inputMasks.isEmpty() ? xt : s.math.mul(xt, inputMasks.get(gate));
          Operand<TFloating> hg = stateMasks.isEmpty() ? h : s.math.mul(h, stateMasks.get(gate));
          Operand<TFloating> zx = inputConv(s, xg, ks.get(gate));
          if (bs != null) zx = s.nn.biasAdd(zx, bs.get(gate));
          z.add(s.math.add(zx, recurrentConv(s, hg, rs.get(gate))));
        }
      }
      Operand<TFloating> i = config.recurrentActivation().call(s, z.get(0));
      Operand<TFloating> f = config.recurrentActivation().call(s, z.get(1));
      Operand<TFloating> cNew =
          s.math.add(s.math.mul(f, c), s.math.mul(i, config.activation().call(s, z.get(2))));
      Operand<TFloating> o = config.recurrentActivation().call(s, z.get(3));
      Operand<TFloating> hNew = s.math.mul(o, config.activation().call(s, cNew));
      Operand<TFloating> hOut = fromChannelsLast(s, hNew);
      return new StepOutput(hOut, List.of(hOut, fromChannelsLast(s, cNew)));
    };
  }

  private Operand<TFloating> inputConv(Ops tf, Operand<TFloating> x, Operand<TFloating> w) {
    // Dilations through the convolution layers' path, which training can differentiate.
    return ConvOps.conv(
        tf, x, w, config.strides(), Padding.of(config.padding()), config.dilationRate(), 1);
  }

  private static Operand<TFloating> recurrentConv(
      Ops tf, Operand<TFloating> h, Operand<TFloating> w) {
    return tf.nn.conv2d(h, w, List.of(1L, 1L, 1L, 1L), "SAME", Conv2d.dataFormat("NHWC"));
  }

  /** The four gates' slices along the last axis. */
  private static List<Operand<TFloating>> split(Ops tf, Operand<TFloating> x) {
    int axis = x.shape().numDimensions() - 1;
    return new ArrayList<>(tf.split(tf.constant(axis), x, (long) GATES).output());
  }

  // TensorFlow's CPU convolutions read channels last: channels-first steps are transposed around
  // them, and the states keep the layer's data format.
  private Operand<TFloating> toChannelsLast(Ops tf, Operand<TFloating> x) {
    return config.channelsFirst() ? tf.linalg.transpose(x, tf.constant(TO_CHANNELS_LAST)) : x;
  }

  private Operand<TFloating> fromChannelsLast(Ops tf, Operand<TFloating> x) {
    return config.channelsFirst() ? tf.linalg.transpose(x, tf.constant(TO_CHANNELS_FIRST)) : x;
  }

  private Shape channelsLast(Shape step) {
    return config.channelsFirst()
        ? Shape.of(step.get(0), step.get(2), step.get(3), step.get(1))
        : step;
  }

  private long[] spatial(Shape step) {
    Shape s = channelsLast(step);
    return new long[] {s.get(1), s.get(2)};
  }

  /** The shape of a state for a step of the given shape, in channels-last order. */
  Shape stateShape(Shape step) {
    long[] in = spatial(step);
    long[] out = new long[2];
    for (int i = 0; i < 2; i++) {
      long k = config.kernelSize().get(i);
      long s = config.strides().get(i);
      long d = config.dilationRate().get(i);
      out[i] =
          config.padding().equals("same") ? (in[i] + s - 1) / s : (in[i] - d * (k - 1) - 1) / s + 1;
    }
    return Shape.of(step.get(0), out[0], out[1], config.filters());
  }

  /** The same shape in the layer's data format. */
  Shape stateShapeInLayerFormat(Shape step) {
    Shape s = stateShape(step);
    return config.channelsFirst() ? Shape.of(s.get(0), s.get(3), s.get(1), s.get(2)) : s;
  }

  @Override
  public List<Integer> stateSize() {
    return List.of(config.filters(), config.filters());
  }

  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    Shape state = stateShapeInLayerFormat(inputShapes.get(0));
    return List.of(state, state, state);
  }

  @Override
  public ConvLSTM2DConfig getConfig() {
    return config;
  }
}

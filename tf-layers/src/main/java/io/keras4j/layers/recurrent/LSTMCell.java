package io.keras4j.layers.recurrent;

import io.keras4j.initializers.Initializer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The step of a long short-term memory layer. Keras' {@code keras.layers.LSTMCell}, with the gates
 * in Keras' order input, forget, cell, output:
 *
 * <pre>
 * [z_i, z_f, z_c, z_o] = x · kernel + h_prev · recurrent_kernel + bias
 * c = σ(z_f) * c_prev + σ(z_i) * activation(z_c)
 * h = σ(z_o) * activation(c)
 * </pre>
 *
 * where σ is the {@code recurrent_activation}. The output is {@code h}; the states are {@code [h,
 * c]}.
 *
 * <p>Step input {@code (batch, features)}, output and states {@code (batch, units)}. Weights:
 * {@code kernel} {@code (features, 4 * units)}, {@code recurrent_kernel} {@code (units, 4 *
 * units)}, then {@code bias} {@code (4 * units,)} when {@code use_bias}, initialized with ones for
 * the forget gate when {@code unit_forget_bias}. With {@code recurrent_dropout} each gate gets its
 * own dropout masks, as in Keras.
 *
 * <pre>{@code
 * LSTMCell cell = new LSTMCell(LSTMCellConfig.builder(4).build());
 * }</pre>
 */
public final class LSTMCell extends RNNCell {

  private static final int GATES = 4;

  private final LSTMCellConfig config;
  private @Nullable Weight kernel;
  private @Nullable Weight recurrentKernel;
  private @Nullable Weight bias;

  public LSTMCell(LSTMCellConfig config) {
    this(config, LayerArgs.defaults());
  }

  public LSTMCell(LSTMCellConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    long inputDim = inputShape.get(inputShape.numDimensions() - 1);
    int units = config.units();
    kernel =
        addWeight(
            tf,
            "kernel",
            Shape.of(inputDim, GATES * units),
            WeightOptions.of(config.kernelInitializer())
                .regularizer(config.kernelRegularizer())
                .constraint(config.kernelConstraint()));
    recurrentKernel =
        addWeight(
            tf,
            "recurrent_kernel",
            Shape.of(units, GATES * units),
            WeightOptions.of(config.recurrentInitializer())
                .regularizer(config.recurrentRegularizer())
                .constraint(config.recurrentConstraint()));
    if (config.useBias()) {
      Initializer init =
          config.unitForgetBias()
              ? new UnitForgetBias(config.biasInitializer(), units)
              : config.biasInitializer();
      bias =
          addWeight(
              tf,
              "bias",
              Shape.of(GATES * units),
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
    Long seed = config.seed();
    // Keras parity: recurrent dropout switches Keras to its per-gate implementation, where every
    // gate draws its own input and state masks.
    boolean perGate = training && config.recurrentDropout() > 0 && config.recurrentDropout() < 1;
    int count = perGate ? GATES : 1;
    List<Operand<TFloating>> inputMasks =
        training
            ? dropoutMasks(tf, tf.shape(stepInput), dtype, config.dropout(), seed, count)
            : List.of();
    if (!perGate) {
      return (s, x, states) -> {
        if (!inputMasks.isEmpty()) x = s.math.mul(x, inputMasks.get(0));
        Operand<TFloating> z = s.math.add(s.linalg.matMul(x, k), s.linalg.matMul(states.get(0), r));
        if (b != null) z = s.nn.biasAdd(z, b);
        List<Operand<TFloating>> g = split(s, z, 1);
        return carryAndOutput(s, g.get(0), g.get(1), g.get(2), g.get(3), states.get(1));
      };
    }
    List<Operand<TFloating>> stateMasks =
        dropoutMasks(
            tf,
            batchShape(tf, stepInput, config.units()),
            dtype,
            config.recurrentDropout(),
            seed == null ? null : seed + GATES,
            GATES);
    List<Operand<TFloating>> ks = split(tf, k, 1);
    List<Operand<TFloating>> rs = split(tf, r, 1);
    List<Operand<TFloating>> bs = b == null ? null : split(tf, b, 0);
    return (s, x, states) -> {
      List<Operand<TFloating>> z = new ArrayList<>(GATES);
      for (int gate = 0; gate < GATES; gate++) {
        Operand<TFloating> xg = inputMasks.isEmpty() ? x : s.math.mul(x, inputMasks.get(gate));
        Operand<TFloating> hg = s.math.mul(states.get(0), stateMasks.get(gate));
        Operand<TFloating> zg = s.linalg.matMul(xg, ks.get(gate));
        if (bs != null) zg = s.math.add(zg, bs.get(gate));
        z.add(s.math.add(zg, s.linalg.matMul(hg, rs.get(gate))));
      }
      return carryAndOutput(s, z.get(0), z.get(1), z.get(2), z.get(3), states.get(1));
    };
  }

  private StepOutput carryAndOutput(
      Ops tf,
      Operand<TFloating> zi,
      Operand<TFloating> zf,
      Operand<TFloating> zc,
      Operand<TFloating> zo,
      Operand<TFloating> cPrev) {
    Operand<TFloating> i = config.recurrentActivation().call(tf, zi);
    Operand<TFloating> f = config.recurrentActivation().call(tf, zf);
    Operand<TFloating> c =
        tf.math.add(tf.math.mul(f, cPrev), tf.math.mul(i, config.activation().call(tf, zc)));
    Operand<TFloating> o = config.recurrentActivation().call(tf, zo);
    Operand<TFloating> h = tf.math.mul(o, config.activation().call(tf, c));
    return new StepOutput(h, List.of(h, c));
  }

  private static List<Operand<TFloating>> split(Ops tf, Operand<TFloating> x, int axis) {
    return new ArrayList<>(tf.split(tf.constant(axis), x, (long) GATES).output());
  }

  @Override
  public List<Integer> stateSize() {
    return List.of(config.units(), config.units());
  }

  @Override
  public LSTMCellConfig getConfig() {
    return config;
  }
}

package io.keras4j.layers.recurrent;

import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.family.TFloating;

/**
 * The step of a gated recurrent unit. Keras' {@code keras.layers.GRUCell}, with the gates in Keras'
 * order update, reset, candidate:
 *
 * <pre>
 * [x_z, x_r, x_h] = x · kernel + input_bias
 * z = σ(x_z + h_prev · R_z + b_z)
 * r = σ(x_r + h_prev · R_r + b_r)
 * hh = activation(x_h + r * (h_prev · R_h + b_h))     reset_after=True
 * hh = activation(x_h + (r * h_prev) · R_h)           reset_after=False
 * h = z * h_prev + (1 - z) * hh
 * </pre>
 *
 * where σ is the {@code recurrent_activation} and {@code R_*} the thirds of {@code
 * recurrent_kernel}; the recurrent bias {@code b_*} exists only with {@code reset_after}. The
 * output and the single state are {@code h}.
 *
 * <p>Step input {@code (batch, features)}, output and state {@code (batch, units)}. Weights: {@code
 * kernel} {@code (features, 3 * units)}, {@code recurrent_kernel} {@code (units, 3 * units)}, then
 * {@code bias}: {@code (2, 3 * units)} (input bias, recurrent bias) with {@code reset_after}, else
 * {@code (3 * units,)}.
 *
 * <pre>{@code
 * GRUCell cell = new GRUCell(GRUCellConfig.builder(5).resetAfter(false).build());
 * }</pre>
 */
public final class GRUCell extends RNNCell {

  private static final int GATES = 3;

  private final GRUCellConfig config;
  private @Nullable Weight kernel;
  private @Nullable Weight recurrentKernel;
  private @Nullable Weight bias;

  public GRUCell(GRUCellConfig config) {
    this(config, LayerArgs.defaults());
  }

  public GRUCell(GRUCellConfig config, LayerArgs args) {
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
      bias =
          addWeight(
              tf,
              "bias",
              config.resetAfter() ? Shape.of(2, GATES * units) : Shape.of(GATES * units),
              WeightOptions.of(config.biasInitializer())
                  .regularizer(config.biasRegularizer())
                  .constraint(config.biasConstraint()));
    }
  }

  @Override
  public Step prepare(Ops tf, Operand<TFloating> stepInput, boolean training) {
    Class<TFloating> dtype = stepInput.type();
    int units = config.units();
    Operand<TFloating> k = read(tf, kernel, dtype);
    Operand<TFloating> r = read(tf, recurrentKernel, dtype);
    Operand<TFloating> inputBias = null;
    Operand<TFloating> recurrentBias = null;
    if (bias != null) {
      Operand<TFloating> b = read(tf, bias, dtype);
      if (config.resetAfter()) {
        List<Operand<TFloating>> rows =
            new ArrayList<>(tf.unstack(b, 2L, Unstack.axis(0L)).output());
        inputBias = rows.get(0);
        recurrentBias = rows.get(1);
      } else {
        inputBias = b;
      }
    }
    // Keras parity: recurrent dropout switches Keras to its per-gate implementation, where every
    // gate draws its own input and state masks.
    Long seed = config.seed();
    boolean perGate = training && config.recurrentDropout() > 0 && config.recurrentDropout() < 1;
    int count = perGate ? GATES : 1;
    List<Operand<TFloating>> inputMasks =
        training
            ? dropoutMasks(tf, tf.shape(stepInput), dtype, config.dropout(), seed, count)
            : List.of();
    List<Operand<TFloating>> stateMasks =
        perGate
            ? dropoutMasks(
                tf,
                batchShape(tf, stepInput, units),
                dtype,
                config.recurrentDropout(),
                seed == null ? null : seed + GATES,
                GATES)
            : List.of();
    Operand<TFloating> one = constant(tf, 1.0, dtype);
    Operand<TFloating> ib = inputBias;
    Operand<TFloating> rb = recurrentBias;
    if (!perGate) {
      // Keras' implementation 2: all gates from one product with each kernel.
      Operand<TFloating> rUpdateReset = config.resetAfter() ? r : slice(tf, r, 0, 2 * units);
      Operand<TFloating> rCandidate =
          config.resetAfter() ? null : slice(tf, r, 2 * units, 3 * units);
      return (s, x, states) -> {
        Operand<TFloating> hPrev = states.get(0);
        if (!inputMasks.isEmpty()) x = s.math.mul(x, inputMasks.get(0));
        Operand<TFloating> mx = s.linalg.matMul(x, k);
        if (ib != null) mx = s.nn.biasAdd(mx, ib);
        List<Operand<TFloating>> xs = split(s, mx, GATES);
        Operand<TFloating> inner = s.linalg.matMul(hPrev, rUpdateReset);
        if (rb != null) inner = s.nn.biasAdd(inner, rb);
        List<Operand<TFloating>> hs = split(s, inner, config.resetAfter() ? GATES : 2);
        Operand<TFloating> z =
            config.recurrentActivation().call(s, s.math.add(xs.get(0), hs.get(0)));
        Operand<TFloating> rg =
            config.recurrentActivation().call(s, s.math.add(xs.get(1), hs.get(1)));
        Operand<TFloating> rh =
            config.resetAfter()
                ? s.math.mul(rg, hs.get(2))
                : s.linalg.matMul(s.math.mul(rg, hPrev), rCandidate);
        return update(s, one, z, hPrev, config.activation().call(s, s.math.add(xs.get(2), rh)));
      };
    }
    // Keras' implementation 1: each gate with its own dropout masks and slice of the kernels.
    List<Operand<TFloating>> ks = split(tf, k, GATES);
    List<Operand<TFloating>> rs = split(tf, r, GATES);
    List<Operand<TFloating>> ibs = ib == null ? null : split(tf, ib, GATES);
    List<Operand<TFloating>> rbs = rb == null ? null : split(tf, rb, GATES);
    return (s, x, states) -> {
      Operand<TFloating> hPrev = states.get(0);
      List<Operand<TFloating>> xs = new ArrayList<>(GATES);
      List<Operand<TFloating>> hs = new ArrayList<>(GATES);
      for (int gate = 0; gate < GATES; gate++) {
        Operand<TFloating> xg = inputMasks.isEmpty() ? x : s.math.mul(x, inputMasks.get(gate));
        Operand<TFloating> xz = s.linalg.matMul(xg, ks.get(gate));
        xs.add(ibs == null ? xz : s.math.add(xz, ibs.get(gate)));
        hs.add(s.math.mul(hPrev, stateMasks.get(gate)));
      }
      Operand<TFloating> rz = s.linalg.matMul(hs.get(0), rs.get(0));
      Operand<TFloating> rr = s.linalg.matMul(hs.get(1), rs.get(1));
      if (rbs != null) {
        rz = s.math.add(rz, rbs.get(0));
        rr = s.math.add(rr, rbs.get(1));
      }
      Operand<TFloating> z = config.recurrentActivation().call(s, s.math.add(xs.get(0), rz));
      Operand<TFloating> rg = config.recurrentActivation().call(s, s.math.add(xs.get(1), rr));
      Operand<TFloating> rh;
      if (config.resetAfter()) {
        rh = s.linalg.matMul(hs.get(2), rs.get(2));
        if (rbs != null) rh = s.math.add(rh, rbs.get(2));
        rh = s.math.mul(rg, rh);
      } else {
        rh = s.linalg.matMul(s.math.mul(rg, hs.get(2)), rs.get(2));
      }
      return update(s, one, z, hPrev, config.activation().call(s, s.math.add(xs.get(2), rh)));
    };
  }

  /** {@code h = z * h_prev + (1 - z) * hh}: the previous and candidate states mixed. */
  private static StepOutput update(
      Ops tf,
      Operand<TFloating> one,
      Operand<TFloating> z,
      Operand<TFloating> hPrev,
      Operand<TFloating> hh) {
    Operand<TFloating> h = tf.math.add(tf.math.mul(z, hPrev), tf.math.mul(tf.math.sub(one, z), hh));
    return new StepOutput(h, List.of(h));
  }

  /** Columns {@code [from, to)} of a matrix. */
  private static Operand<TFloating> slice(Ops tf, Operand<TFloating> m, int from, int to) {
    return tf.stridedSlice(m, Indices.all(), Indices.slice(from, to));
  }

  /** {@code x} cut into {@code parts} equal pieces along its last axis. */
  private static List<Operand<TFloating>> split(Ops tf, Operand<TFloating> x, int parts) {
    int axis = x.shape().numDimensions() - 1;
    return new ArrayList<>(tf.split(tf.constant(axis), x, (long) parts).output());
  }

  @Override
  public List<Integer> stateSize() {
    return List.of(config.units());
  }

  @Override
  public GRUCellConfig getConfig() {
    return config;
  }
}

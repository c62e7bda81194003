package io.keras4j.layers.recurrent;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Tensors;
import io.keras4j.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * What every recurrent layer shares: Keras' {@code keras.layers.RNN} running its {@link RNNCell}
 * over the time steps of a sequence, with {@code return_sequences}, {@code return_state}, {@code
 * go_backwards}, masks and initial states.
 *
 * <p>Input {@code (batch, timesteps, features...)}; output {@code (batch, timesteps, units)} with
 * {@code return_sequences}, else {@code (batch, units)}; with {@code return_state}, the last states
 * follow, each {@code (batch, state_size)}. Initial states come as Keras' {@code initial_state=}
 * keyword or, as Keras 2 wrote them, as inputs after the sequence.
 *
 * <p>The loop is unrolled over the number of time steps, which must therefore be known when the
 * layer is called: TensorFlow Java cannot differentiate a {@code while} loop, and a model compiles
 * one graph per input signature anyway. At a masked step the states keep their previous values and
 * the output repeats the previous output, or is zero with {@code zero_output_for_mask}, as Keras'
 * {@code backend.rnn} does.
 */
public abstract class RecurrentLayer extends Layer {

  protected RecurrentLayer(LayerArgs args) {
    super(args);
  }

  /** The cell that computes one time step; Keras saves it under the attribute {@code cell}. */
  public abstract RNNCell cell();

  @Override
  public abstract RecurrentConfig getConfig();

  /**
   * A new layer with this one's settings but another name, direction and {@code
   * zero_output_for_mask}, and weights of its own: how {@link Bidirectional} makes its two halves.
   */
  protected abstract RecurrentLayer copy(
      String name, boolean goBackwards, boolean zeroOutputForMask);

  @Override
  public Map<String, Layer> children() {
    return Map.of("cell", cell());
  }

  // Keras parity: RNN sets supports_masking = False, so Keras never attaches the mask that its
  // compute_mask would give to the outputs; the default computeMask (no masks) does the same.

  @Override
  protected void build(Ops tf, List<Shape> inputShapes) {
    Shape sequences = inputShapes.get(0);
    requireSequences(sequences);
    cell().ensureBuilt(tf, List.of(stepShape(sequences)), false);
  }

  @Override
  protected List<Operand<?>> call(Ops tf, List<Operand<?>> inputs, CallContext context) {
    RecurrentConfig config = getConfig();
    Operand<TFloating> sequences = Tensors.floating(inputs.get(0));
    requireSequences(sequences.shape());
    List<Operand<TFloating>> initial = initialStateArgument(inputs, context);
    if (initial.isEmpty()) {
      initial = initialState(tf, sequences);
    } else {
      List<Operand<TFloating>> cast = new ArrayList<>();
      for (Operand<TFloating> s : initial) {
        cast.add(s.type() == sequences.type() ? s : tf.dtypes.cast(s, sequences.type()));
      }
      initial = cast;
    }
    Operand<TBool> mask = maskArgument(inputs, context);
    Run run = run(tf, sequences, initial, mask, context.training());
    List<Operand<?>> out = new ArrayList<>();
    out.add(config.returnSequences() ? run.outputs() : run.lastOutput());
    if (config.returnState()) out.addAll(run.states());
    return out;
  }

  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    Shape sequences = inputShapes.get(0);
    requireSequences(sequences);
    long batch = sequences.get(0);
    int units = cell().outputSize();
    List<Shape> out = new ArrayList<>();
    out.add(
        getConfig().returnSequences()
            ? Shape.of(batch, sequences.get(1), units)
            : Shape.of(batch, units));
    if (getConfig().returnState()) {
      for (int size : cell().stateSize()) out.add(Shape.of(batch, size));
    }
    return out;
  }

  /**
   * Keras' {@code get_initial_state}: zeros of shape {@code (batch, state_size)} for each state. A
   * layer whose states have more dimensions overrides it.
   */
  protected List<Operand<TFloating>> initialState(Ops tf, Operand<TFloating> sequences) {
    List<Operand<TFloating>> states = new ArrayList<>();
    for (int size : cell().stateSize()) {
      states.add(tf.zeros(RNNCell.batchShape(tf, sequences, size), sequences.type()));
    }
    return states;
  }

  /** The shape of one step's input: the sequence shape without its time dimension. */
  protected static Shape stepShape(Shape sequences) {
    long[] d = sequences.asArray();
    long[] step = new long[d.length - 1];
    step[0] = d[0];
    System.arraycopy(d, 2, step, 1, d.length - 2);
    return Shape.of(step);
  }

  // ---------------------------------------------------------------- the time loop

  /** Keras' {@code backend.rnn} result: the last output, all outputs, the last states. */
  private record Run(
      Operand<TFloating> lastOutput, Operand<TFloating> outputs, List<Operand<TFloating>> states) {}

  private Run run(
      Ops tf,
      Operand<TFloating> sequences,
      List<Operand<TFloating>> initial,
      @Nullable Operand<TBool> mask,
      boolean training) {
    RecurrentConfig config = getConfig();
    long timesteps = sequences.shape().get(1);
    if (timesteps == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException(
          getClass().getSimpleName()
              + " '"
              + name()
              + "' needs a known number of time steps, received an input of shape "
              + Shapes.toKeras(sequences.shape())
              + ". Keras4J unrolls recurrent layers over the time steps because TensorFlow Java"
              + " cannot differentiate a while loop; call the layer on a sequence whose length is"
              + " known (a model compiles one graph per input shape, so feed it concrete inputs)");
    }
    if (timesteps == 0) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + " '" + name() + "' received a sequence of 0 time steps");
    }
    List<Operand<TFloating>> inputs =
        new ArrayList<>(tf.unstack(sequences, timesteps, Unstack.axis(1L)).output());
    List<Operand<TBool>> masks = null;
    if (mask != null) {
      masks = new ArrayList<>(tf.unstack(mask, timesteps, Unstack.axis(1L)).output());
    }
    if (config.goBackwards()) {
      Collections.reverse(inputs);
      if (masks != null) Collections.reverse(masks);
    }
    RNNCell.Step step = cell().prepare(tf, inputs.get(0), training);
    List<Operand<TFloating>> states = initial;
    List<Operand<TFloating>> outputs = new ArrayList<>();
    Operand<TFloating> previous = null;
    for (int t = 0; t < timesteps; t++) {
      Ops at = tf.withSubScope("step_" + t);
      RNNCell.StepOutput o = step.call(at, inputs.get(t), states);
      Operand<TFloating> output = o.output();
      List<Operand<TFloating>> next = o.states();
      if (next.size() != states.size()) {
        throw new IllegalStateException(
            "Cell '"
                + cell().name()
                + "' returned "
                + next.size()
                + " states for "
                + states.size());
      }
      if (masks != null) {
        Operand<TBool> m = masks.get(t);
        Operand<TFloating> hold =
            config.zeroOutputForMask() || previous == null ? at.zerosLike(output) : previous;
        output = at.select(broadcastable(at, m, output), output, hold);
        List<Operand<TFloating>> kept = new ArrayList<>(next.size());
        for (int i = 0; i < next.size(); i++) {
          kept.add(at.select(broadcastable(at, m, next.get(i)), next.get(i), states.get(i)));
        }
        next = kept;
      }
      outputs.add(output);
      previous = output;
      states = next;
    }
    Operand<TFloating> last = outputs.get(outputs.size() - 1);
    Operand<TFloating> all = config.returnSequences() ? tf.stack(outputs, Stack.axis(1L)) : last;
    return new Run(last, all, states);
  }

  /**
   * A step's mask {@code (batch,)} reshaped to {@code (batch, 1, ...)} to select rows of {@code x}.
   */
  private static Operand<TBool> broadcastable(Ops tf, Operand<TBool> mask, Operand<?> x) {
    int[] dims = new int[x.shape().numDimensions()];
    java.util.Arrays.fill(dims, 1);
    dims[0] = -1;
    Operand<TInt32> shape = tf.constant(dims);
    return tf.reshape(mask, shape);
  }

  // ---------------------------------------------------------------- call arguments

  /** The states given to the call, as the cell's dtype, checked against the cell's states. */
  private List<Operand<TFloating>> initialStateArgument(
      List<Operand<?>> inputs, CallContext context) {
    List<Operand<TFloating>> states = new ArrayList<>();
    for (Operand<?> s : stateInputs(inputs, context)) states.add(Tensors.floating(s));
    int expected = cell().stateSize().size();
    if (!states.isEmpty() && states.size() != expected) {
      throw new IllegalArgumentException(
          "An initial_state was passed that is not compatible with `cell.state_size`. Layer '"
              + name()
              + "' expects "
              + expected
              + " initial states, received "
              + states.size());
    }
    return states;
  }

  /**
   * The initial states among a recurrent call's inputs: Keras 3's {@code initial_state=} keyword,
   * or the inputs after the sequence, as Keras 2 passed them.
   */
  static List<Operand<?>> stateInputs(List<Operand<?>> inputs, CallContext context) {
    Map<String, Integer> keywords = context.tensorArguments();
    int start = keywords.getOrDefault("initial_state", keywords.isEmpty() ? 1 : inputs.size());
    int end = inputs.size();
    for (int i : keywords.values()) {
      if (i > start && i < end) end = i;
    }
    return inputs.subList(start, end);
  }

  /** The sequence's mask: a {@code mask=} tensor argument, else the mask of the first input. */
  static @Nullable Operand<TBool> maskArgument(List<Operand<?>> inputs, CallContext context) {
    Integer i = context.tensorArguments().get("mask");
    return i != null ? Tensors.bool(inputs.get(i)) : context.mask(0);
  }

  private void requireSequences(Shape shape) {
    if (shape.isUnknown() || shape.numDimensions() < 3) {
      throw new IllegalArgumentException(
          "Input 0 of layer '"
              + name()
              + "' ("
              + getClass().getSimpleName()
              + ") is incompatible with the layer: expected ndim>=3 (batch, timesteps, features),"
              + " found shape="
              + (shape.isUnknown() ? "unknown" : Shapes.toKeras(shape)));
    }
  }

  // ---------------------------------------------------------------- checks shared by the configs

  /**
   * The base arguments with the activity regularizer a layer's config names, as Keras' {@code
   * LSTM(activity_regularizer=...)} takes it. A file's reader puts the regularizer in the base
   * arguments instead; both may name it, but not two different ones.
   */
  static LayerArgs withActivityRegularizer(LayerArgs args, @Nullable Regularizer fromConfig) {
    Regularizer fromArgs = args.activityRegularizer();
    if (fromConfig == null || fromConfig.equals(fromArgs)) return args;
    if (fromArgs != null) {
      throw new IllegalArgumentException(
          "Layer '"
              + args.name()
              + "' was given two activity regularizers: "
              + fromConfig
              + " in its config and "
              + fromArgs
              + " in its base arguments");
    }
    return args.withActivityRegularizer(fromConfig);
  }

  static void requirePositiveUnits(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for argument `units`, expected a positive integer, got "
              + units
              + ".");
    }
  }

  /** Keras parity: a dropout rate outside {@code [0, 1]} is clipped into it, not refused. */
  static double clipRate(double rate) {
    return Math.min(1.0, Math.max(0.0, rate));
  }

  /** Fails on {@code stateful=True}, which Keras4J does not support. */
  static void requireNotStateful(String layer, boolean stateful) {
    if (stateful) {
      throw new UnsupportedOperationException(
          layer
              + " with stateful=True is not supported: Keras4J keeps no state between batches."
              + " Pass the states explicitly with initial_state and return_state instead."
              + " Received: stateful=True");
    }
  }

  /** Fails on Keras 2's {@code time_major=True}. */
  static void requireBatchMajor(String layer, boolean timeMajor) {
    if (timeMajor) {
      throw new UnsupportedOperationException(
          layer
              + " with time_major=True (a Keras 2 option) is not supported: inputs must be"
              + " (batch, timesteps, features). Received: time_major=True");
    }
  }
}

package io.keras4j.layers.recurrent;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.utils.RandomSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * One time step of a recurrent layer: what Keras asks of the {@code cell} of {@code
 * keras.layers.RNN} (a {@code state_size}, an {@code output_size} and {@code call(inputs, states)}
 * returning the output and the new states).
 *
 * <p>{@link RNN} and the layers built on a cell run {@link #prepare} once per sequence, then the
 * returned {@link Step} once per time step. Preparing reads the weights and, in training, draws the
 * dropout masks that every step of the sequence shares, as Keras' {@code DropoutRNNCell} does.
 *
 * <p>Called on its own, as Keras' {@code cell(x, states)}, a cell takes the step input followed by
 * the states and returns the output followed by the new states.
 *
 * <pre>{@code
 * LSTMCell cell = new LSTMCell(LSTMCellConfig.builder(4).build());
 * RNN rnn = new RNN(RNNConfig.builder(cell).returnSequences(true).build());
 * }</pre>
 */
public abstract class RNNCell extends Layer {

  protected RNNCell(LayerArgs args) {
    super(args);
  }

  /** Keras' {@code state_size}: the last dimension of each state, in order. */
  public abstract List<Integer> stateSize();

  /** Keras' {@code output_size}: the last dimension of a step's output. */
  public int outputSize() {
    return stateSize().get(0);
  }

  /**
   * Prepares the steps of one sequence.
   *
   * @param stepInput the input of a time step, {@code (batch, features...)}: its shape and dtype
   *     give the dropout masks theirs
   * @param training whether dropout applies
   */
  public abstract Step prepare(Ops tf, Operand<TFloating> stepInput, boolean training);

  /** The computation of one time step of a prepared sequence. */
  @FunctionalInterface
  public interface Step {

    /** Keras' {@code cell.call(inputs, states)}. */
    StepOutput call(Ops tf, Operand<TFloating> input, List<Operand<TFloating>> states);
  }

  /** A step's output and the states after it. */
  public record StepOutput(Operand<TFloating> output, List<Operand<TFloating>> states) {

    public StepOutput {
      Objects.requireNonNull(output, "output");
      states = List.copyOf(states);
    }
  }

  /** A cell is built for the shape of one step's input, whatever states come with it. */
  @Override
  protected void build(Ops tf, List<Shape> inputShapes) {
    build(tf, inputShapes.get(0));
  }

  @Override
  protected List<Operand<?>> call(Ops tf, List<Operand<?>> inputs, CallContext context) {
    if (inputs.size() != 1 + stateSize().size()) {
      throw new IllegalArgumentException(
          "Cell '"
              + name()
              + "' ("
              + getClass().getSimpleName()
              + ") expects its step input and "
              + stateSize().size()
              + " states, received "
              + inputs.size()
              + " tensors");
    }
    Operand<TFloating> x = Tensors.floating(inputs.get(0));
    List<Operand<TFloating>> states = new ArrayList<>();
    for (Operand<?> s : inputs.subList(1, inputs.size())) {
      states.add(Tensors.floating(s));
    }
    StepOutput out = prepare(tf, x, context.training()).call(tf, x, states);
    List<Operand<?>> result = new ArrayList<>();
    result.add(out.output());
    result.addAll(out.states());
    return result;
  }

  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    long batch = inputShapes.get(0).get(0);
    List<Shape> out = new ArrayList<>();
    out.add(Shape.of(batch, outputSize()));
    for (int size : stateSize()) {
      out.add(Shape.of(batch, size));
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers for cells

  /** The weight's value in the dtype of the computation (a mixed policy keeps float32 weights). */
  protected static Operand<TFloating> read(Ops tf, Weight weight, Class<TFloating> dtype) {
    Operand<TFloating> w = weight.read(tf);
    return w.type() == dtype ? w : tf.dtypes.cast(w, dtype);
  }

  /**
   * {@code count} masks as Keras' {@code backend.random.dropout(ones, rate)} makes them: zeros and
   * {@code 1 / (1 - rate)}, drawn anew at every run of the graph. None when the rate is not in
   * {@code (0, 1)}.
   *
   * @param shape the shape of each mask
   */
  protected static List<Operand<TFloating>> dropoutMasks(
      Ops tf,
      Operand<TInt32> shape,
      Class<TFloating> dtype,
      double rate,
      @Nullable Long seed,
      int count) {
    if (!(rate > 0 && rate < 1)) return List.of();
    seed = RandomSeed.orNext(seed);
    List<Operand<TFloating>> masks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Operand<TFloating> u =
          seed == null
              ? tf.random.randomUniform(shape, dtype)
              : tf.random.randomUniform(
                  shape, dtype, RandomUniform.seed(seed), RandomUniform.seed2(seed + i));
      Operand<TFloating> keep =
          tf.dtypes.cast(tf.math.greaterEqual(u, constant(tf, rate, dtype)), dtype);
      masks.add(tf.math.mul(keep, constant(tf, 1.0 / (1.0 - rate), dtype)));
    }
    return masks;
  }

  /** The shape {@code (batch, dims...)}, the batch size taken from {@code x}'s first dimension. */
  protected static Operand<TInt32> batchShape(Ops tf, Operand<?> x, long... dims) {
    Operand<TInt32> batch =
        tf.stridedSlice(
            tf.shape(x),
            tf.constant(new int[] {0}),
            tf.constant(new int[] {1}),
            tf.constant(new int[] {1}));
    int[] rest = new int[dims.length];
    for (int i = 0; i < dims.length; i++) rest[i] = Math.toIntExact(dims[i]);
    return tf.concat(List.of(batch, tf.constant(rest)), tf.constant(0));
  }

  /** A scalar of the computation's dtype. */
  protected static Operand<TFloating> constant(Ops tf, double value, Class<TFloating> dtype) {
    return tf.dtypes.cast(tf.constant(value), dtype);
  }
}

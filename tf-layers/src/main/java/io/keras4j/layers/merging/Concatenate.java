package io.keras4j.layers.merging;

import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TType;

/**
 * Concatenates a list of tensors along {@code axis}. Keras' {@code keras.layers.Concatenate}.
 *
 * <p>Inputs: tensors of one rank whose dimensions agree except along {@code axis}; output: the same
 * shape with the sizes along {@code axis} added. Output mask: where some input has a mask, the
 * masks concatenated like the inputs (an input without one counts as all valid), reduced over the
 * last axis, as Keras computes it.
 *
 * <pre>{@code
 * KerasTensor a = Input.of(2, 4);
 * KerasTensor b = Input.of(3, 4);
 * KerasTensor y = new Concatenate(ConcatenateConfig.of(1)).apply(List.of(a, b)); // (None, 5, 4)
 * }</pre>
 */
public final class Concatenate extends Merge {

  private final ConcatenateConfig config;

  public Concatenate() {
    this(ConcatenateConfig.defaults());
  }

  public Concatenate(ConcatenateConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Concatenate(ConcatenateConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  boolean alignsRanks() {
    return false;
  }

  @Override
  Operand<?> merge(Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks) {
    List<Operand<TType>> xs = typed(inputs);
    return tf.concat(xs, tf.constant(config.axis()));
  }

  /**
   * The first input's shape with the sizes along {@code axis} added (unknown if any is unknown),
   * after checking that every other dimension agrees where known.
   */
  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    // The batch axis is checked with the others below: Keras concatenates along it too.
    checkInputs(inputShapes);
    int rank = inputShapes.get(0).numDimensions();
    for (Shape s : inputShapes) {
      if (s.numDimensions() != rank) throw mismatch(inputShapes);
    }
    int axis = axis(rank);
    long[] out = inputShapes.get(0).asArray();
    for (int d = 0; d < rank; d++) {
      if (d == axis) continue;
      long known = Shape.UNKNOWN_SIZE;
      for (Shape s : inputShapes) {
        long v = s.get(d);
        if (v == Shape.UNKNOWN_SIZE) continue;
        if (known != Shape.UNKNOWN_SIZE && known != v) throw mismatch(inputShapes);
        known = v;
      }
    }
    for (int i = 1; i < inputShapes.size(); i++) {
      long v = inputShapes.get(i).get(axis);
      out[axis] =
          out[axis] == Shape.UNKNOWN_SIZE || v == Shape.UNKNOWN_SIZE
              ? Shape.UNKNOWN_SIZE
              : out[axis] + v;
    }
    return List.of(Shape.of(out));
  }

  private int axis(int rank) {
    try {
      return Shapes.axis(config.axis(), rank);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(describe() + ": `axis` " + e.getMessage(), e);
    }
  }

  private IllegalArgumentException mismatch(List<Shape> inputShapes) {
    return new IllegalArgumentException(
        describe()
            + ": a `Concatenate` layer requires inputs with matching shapes except for the"
            + " concatenation axis. Received: input_shape="
            + kerasShapes(inputShapes));
  }

  /**
   * Keras' {@code Concatenate.compute_mask}: none if no input has a mask; otherwise each input's
   * mask broadcast to the input's shape (all true where it has none), concatenated along {@code
   * axis} and reduced with OR over the last axis.
   */
  @Override
  public List<@Nullable Operand<TBool>> computeMask(
      Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks, int outputCount) {
    List<@Nullable Operand<TBool>> out = new ArrayList<>();
    if (masks.stream().allMatch(m -> m == null)) {
      out.add(null);
      return out;
    }
    List<Operand<TBool>> full = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Operand<?> x = inputs.get(i);
      Operand<TBool> m = i < masks.size() ? masks.get(i) : null;
      if (m == null) {
        full.add(tf.fill(tf.shape(x), tf.constant(true)));
      } else if (m.shape().numDimensions() < x.shape().numDimensions()) {
        full.add(tf.broadcastTo(tf.expandDims(m, tf.constant(-1)), tf.shape(x)));
      } else {
        full.add(m);
      }
    }
    Operand<TBool> joined = tf.concat(full, tf.constant(config.axis()));
    out.add(tf.reduceAny(joined, tf.constant(-1)));
    return out;
  }

  @Override
  public ConcatenateConfig getConfig() {
    return config;
  }
}

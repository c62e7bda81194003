package io.keras4j.layers.merging;

import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Tensors;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * The dot product of two tensors over one axis of each, sample by sample: Keras' {@code
 * keras.layers.Dot}, which is Keras' {@code batch_dot}. With {@code normalize}, both inputs are
 * first divided by their L2 norm along those axes ({@code x * rsqrt(max(sum(x^2), 1e-14))}), so the
 * result is the cosine similarity.
 *
 * <p>Inputs: {@code x} of shape {@code (batch, ...)} and {@code y} of shape {@code (batch, ...)},
 * rank 2 or more, with equal sizes along {@code axes}; output: {@code x}'s shape without its axis,
 * then {@code y}'s shape without the batch and its axis; {@code (batch, 1)} when both are rank 2.
 * No output mask.
 *
 * <pre>{@code
 * KerasTensor a = Input.of(3, 4);
 * KerasTensor b = Input.of(5, 4);
 * KerasTensor y = new Dot(DotConfig.builder(2, 2).build()).apply(List.of(a, b)); // (None, 3, 5)
 * }</pre>
 */
public final class Dot extends Merge {

  /** Keras' {@code backend.epsilon()}, the smallest norm {@code normalize} divides by. */
  private static final double EPSILON = 1e-7;

  private static final String AXIS_LETTERS = "bcdefghijklmnopqrstuvwxy";

  private final DotConfig config;

  public Dot(DotConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Dot(DotConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  boolean alignsRanks() {
    return false;
  }

  @Override
  Operand<?> merge(Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks) {
    Operand<TNumber> x = Tensors.numeric(inputs.get(0));
    Operand<TNumber> y = Tensors.numeric(inputs.get(1));
    int ax = config.axes().forInput(0, x.shape().numDimensions());
    int ay = config.axes().forInput(1, y.shape().numDimensions());
    if (config.normalize()) {
      x = l2Normalize(tf, x, ax);
      y = l2Normalize(tf, y, ay);
    }
    return batchDot(tf, x, y, ax, ay);
  }

  /** Keras' {@code ops.normalize(x, axis, order=2)}: {@code x * rsqrt(max(sum(x^2), eps^2))}. */
  private static <T extends TNumber> Operand<T> l2Normalize(Ops tf, Operand<T> x, int axis) {
    Operand<T> squareSum = tf.sum(tf.math.square(x), tf.constant(axis), Sum.keepDims(true));
    Operand<T> floor = tf.dtypes.cast(tf.constant(EPSILON * EPSILON), x.type());
    return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(squareSum, floor)));
  }

  /**
   * Keras' {@code batch_dot} as one einsum: {@code x}'s axis {@code ax} and {@code y}'s axis {@code
   * ay} are contracted, the batch axis is shared, and the other axes of {@code x}, then of {@code
   * y}, are kept in order.
   */
  private static <T extends TType> Operand<T> batchDot(
      Ops tf, Operand<T> x, Operand<T> y, int ax, int ay) {
    StringBuilder kept = new StringBuilder();
    String xs = subscripts(x.shape().numDimensions(), ax, kept);
    String ys = subscripts(y.shape().numDimensions(), ay, kept);
    Operand<T> out = tf.linalg.einsum(List.of(x, y), xs + "," + ys + "->a" + kept);
    if (kept.length() == 0) {
      // Keras parity: two rank-2 inputs give (batch, 1), not (batch,).
      out = tf.expandDims(out, tf.constant(1));
    }
    return out;
  }

  /** Einsum letters of one input: {@code a} for the batch, {@code z} for the contracted axis. */
  private static String subscripts(int rank, int contracted, StringBuilder kept) {
    StringBuilder s = new StringBuilder("a");
    for (int i = 1; i < rank; i++) {
      if (i == contracted) {
        s.append('z');
      } else {
        char c = AXIS_LETTERS.charAt(kept.length());
        s.append(c);
        kept.append(c);
      }
    }
    return s.toString();
  }

  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    if (inputShapes.size() != 2) {
      throw new IllegalArgumentException(
          "A `Dot` layer should be called on a list of 2 inputs. Layer '"
              + name()
              + "' received: input_shape="
              + kerasShapes(inputShapes));
    }
    checkBatch(inputShapes);
    Shape x = inputShapes.get(0);
    Shape y = inputShapes.get(1);
    if (x.numDimensions() < 2 || y.numDimensions() < 2) {
      throw new IllegalArgumentException(
          describe()
              + ": cannot do batch_dot on inputs with rank < 2. Received inputs with shapes "
              + Shapes.toKeras(x)
              + " and "
              + Shapes.toKeras(y)
              + ".");
    }
    int ax = config.axes().forInput(0, x.numDimensions());
    int ay = config.axes().forInput(1, y.numDimensions());
    if (ax == 0 || ay == 0) {
      throw new IllegalArgumentException(
          describe()
              + ": cannot perform batch_dot over axis 0, the batch. Received: axes="
              + config.axes().toJson());
    }
    if (x.get(ax) != Shape.UNKNOWN_SIZE
        && y.get(ay) != Shape.UNKNOWN_SIZE
        && x.get(ax) != y.get(ay)) {
      throw new IllegalArgumentException(
          describe()
              + ": incompatible input shapes: axis values "
              + x.get(ax)
              + " (at axis "
              + ax
              + ") != "
              + y.get(ay)
              + " (at axis "
              + ay
              + "). Full input shapes: "
              + Shapes.toKeras(x)
              + ", "
              + Shapes.toKeras(y));
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < x.numDimensions(); i++) {
      if (i != ax) out.add(x.get(i));
    }
    for (int i = 1; i < y.numDimensions(); i++) {
      if (i != ay) out.add(y.get(i));
    }
    if (out.size() == 1) out.add(1L);
    return List.of(Shape.of(out.stream().mapToLong(Long::longValue).toArray()));
  }

  /** Keras parity: Dot supports masking but its output has no mask. */
  @Override
  public List<@Nullable Operand<TBool>> computeMask(
      Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks, int outputCount) {
    List<@Nullable Operand<TBool>> out = new ArrayList<>();
    out.add(null);
    return out;
  }

  @Override
  public DotConfig getConfig() {
    return config;
  }
}

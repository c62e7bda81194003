package io.keras4j.layers.merging;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Tensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * What Keras' merge layers share (Keras' {@code keras.src.layers.merging.base_merge.Merge}): a call
 * on a list of tensors, the broadcasting of inputs of different rank, the output shape of an
 * element-wise operation, and masks merged by OR.
 *
 * <p>Inputs of lower rank get unit axes inserted after the batch axis until every input has the
 * highest rank, then TensorFlow broadcasts them; so {@code (batch, 4)} merges with {@code (batch,
 * 3, 4)} as {@code (batch, 1, 4)}. Inputs of different dtypes are computed in the layer's compute
 * dtype when one of them is floating.
 */
abstract class Merge extends Layer {

  Merge(LayerArgs args) {
    super(args);
    setSupportsMasking(true);
  }

  /**
   * The merge of inputs of one dtype (and, where {@link #alignsRanks()}, one rank).
   *
   * @param masks the mask of each input, {@code null} where it has none; Keras parity: an input
   *     that was given unit axes to match the others loses its mask, as Keras' {@code expand_dims}
   *     drops it
   */
  abstract Operand<?> merge(Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks);

  /**
   * Whether inputs of lower rank get unit axes after the batch (Keras' {@code _reshape_required}).
   */
  boolean alignsRanks() {
    return true;
  }

  @Override
  protected void build(Ops tf, List<Shape> inputShapes) {
    // Keras' Merge.build only validates the shapes, as computeOutputShape does.
    computeOutputShape(inputShapes);
  }

  @Override
  protected List<Operand<?>> call(Ops tf, List<Operand<?>> inputs, CallContext context) {
    List<Operand<?>> xs = sameDtype(tf, inputs);
    List<@Nullable Operand<TBool>> masks = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) masks.add(context.mask(i));
    if (alignsRanks()) {
      int rank = xs.stream().mapToInt(x -> x.shape().numDimensions()).max().orElse(0);
      for (int i = 0; i < xs.size(); i++) {
        Operand<?> x = xs.get(i);
        int missing = rank - x.shape().numDimensions();
        if (missing == 0) continue;
        for (int k = 0; k < missing; k++) x = tf.expandDims(x, tf.constant(1));
        xs.set(i, x);
        masks.set(i, null);
      }
    }
    return List.of(merge(tf, xs, masks));
  }

  /**
   * The shape of the element-wise merge: non-batch dimensions broadcast from the right, a known
   * batch size where the inputs give one.
   */
  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    long batch = checkBatch(inputShapes);
    long[] out = nonBatch(inputShapes.get(0));
    for (int i = 1; i < inputShapes.size(); i++) {
      out = broadcast(out, nonBatch(inputShapes.get(i)));
    }
    long[] withBatch = new long[out.length + 1];
    withBatch[0] = batch;
    System.arraycopy(out, 0, withBatch, 1, out.length);
    return List.of(Shape.of(withBatch));
  }

  /** Checks that there is at least one input and that every rank is known. */
  final void checkInputs(List<Shape> inputShapes) {
    if (inputShapes.isEmpty()) {
      throw new IllegalArgumentException(
          describe() + " should be called on a list of at least 1 input. Received 0 inputs.");
    }
    for (Shape s : inputShapes) {
      if (s.isUnknown()) {
        throw new IllegalArgumentException(
            describe()
                + " needs inputs of known rank. Received: input_shape="
                + kerasShapes(inputShapes));
      }
    }
  }

  /**
   * Checks the inputs and that their known batch sizes agree; returns the batch size, or unknown.
   */
  final long checkBatch(List<Shape> inputShapes) {
    checkInputs(inputShapes);
    long batch = Shape.UNKNOWN_SIZE;
    for (Shape s : inputShapes) {
      if (s.numDimensions() == 0 || s.get(0) == Shape.UNKNOWN_SIZE) continue;
      if (batch != Shape.UNKNOWN_SIZE && batch != s.get(0)) {
        throw new IllegalArgumentException(
            describe()
                + ": cannot merge tensors with different batch sizes. Received tensors with"
                + " shapes "
                + kerasShapes(inputShapes));
      }
      batch = s.get(0);
    }
    return batch;
  }

  /** Keras' {@code _compute_elemwise_op_output_shape} on non-batch dimensions. */
  private long[] broadcast(long[] a, long[] b) {
    if (a.length < b.length) return broadcast(b, a);
    long[] out = a.clone();
    int offset = a.length - b.length;
    for (int k = 0; k < b.length; k++) {
      long i = a[offset + k];
      long j = b[k];
      if (i == Shape.UNKNOWN_SIZE || j == Shape.UNKNOWN_SIZE) {
        out[offset + k] = Shape.UNKNOWN_SIZE;
      } else if (i == 1) {
        out[offset + k] = j;
      } else if (j != 1 && i != j) {
        throw new IllegalArgumentException(
            describe()
                + ": inputs have incompatible shapes. Received shapes "
                + Shapes.toKeras(Shape.of(a))
                + " and "
                + Shapes.toKeras(Shape.of(b)));
      }
    }
    return out;
  }

  private static long[] nonBatch(Shape s) {
    long[] d = s.asArray();
    return d.length == 0 ? d : Arrays.copyOfRange(d, 1, d.length);
  }

  /** Keras' {@code Merge.compute_mask}: the OR of the input masks, none if any input has none. */
  @Override
  public List<@Nullable Operand<TBool>> computeMask(
      Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks, int outputCount) {
    List<@Nullable Operand<TBool>> out = new ArrayList<>();
    out.add(orOfAll(tf, masks));
    return out;
  }

  private static @Nullable Operand<TBool> orOfAll(Ops tf, List<@Nullable Operand<TBool>> masks) {
    if (masks.isEmpty() || masks.stream().anyMatch(m -> m == null)) return null;
    Operand<TBool> out = masks.get(0);
    for (int i = 1; i < masks.size(); i++) out = tf.math.logicalOr(out, masks.get(i));
    return out;
  }

  /**
   * A mask given a trailing unit axis where it has fewer axes than its input, so that it selects
   * whole feature vectors, as Keras' {@code expand_dims(mask, -1)}.
   */
  static Operand<TBool> alignMask(Ops tf, Operand<TBool> mask, Operand<?> x) {
    if (mask.shape().numDimensions() < x.shape().numDimensions()) {
      return tf.expandDims(mask, tf.constant(-1));
    }
    return mask;
  }

  /**
   * Keras' {@code _apply_merge_op_and_or_mask}, for operations without an identity element: folds
   * {@code op} over the inputs left to right, and where an input is masked out it takes the value
   * accumulated so far (and the accumulated value takes the input's where that is masked out), so
   * masked-out entries never decide the result.
   */
  static Operand<?> mergeWithMasks(
      Ops tf,
      List<Operand<?>> inputs,
      List<@Nullable Operand<TBool>> masks,
      BinaryOperator<Operand<TNumber>> op) {
    Operand<TNumber> out = null;
    Operand<TBool> outMask = null;
    for (int i = 0; i < inputs.size(); i++) {
      Operand<TNumber> x = Tensors.numeric(inputs.get(i));
      Operand<TBool> mask = masks.get(i) == null ? null : alignMask(tf, masks.get(i), x);
      if (out == null) {
        out = x;
        outMask = mask;
        continue;
      }
      if (mask != null) x = tf.select(mask, x, out);
      if (outMask != null) out = tf.select(outMask, out, x);
      outMask = mask != null && outMask != null ? tf.math.logicalOr(outMask, mask) : null;
      out = op.apply(out, x);
    }
    return out;
  }

  /**
   * The inputs in one dtype: unchanged if they already share one, else all in the compute dtype
   * when any is floating (Keras promotes integers mixed with floats to float).
   */
  private List<Operand<?>> sameDtype(Ops tf, List<Operand<?>> inputs) {
    List<Operand<?>> xs = new ArrayList<>(inputs);
    if (xs.stream().map(Operand::type).distinct().count() <= 1) return xs;
    if (xs.stream().noneMatch(x -> TFloating.class.isAssignableFrom(x.type()))) {
      throw new IllegalArgumentException(
          describe()
              + " cannot merge integer inputs of different dtypes: "
              + xs.stream()
                  .map(x -> DTypePolicy.kerasName(x.type()))
                  .collect(Collectors.joining(", ", "[", "]")));
    }
    Class<? extends TType> compute = dtypePolicy().computeDtype();
    for (int i = 0; i < xs.size(); i++) {
      if (xs.get(i).type() != compute) xs.set(i, tf.dtypes.cast(xs.get(i), compute));
    }
    return xs;
  }

  @Override
  protected Class<? extends TType> outputDtype(List<TensorSpec> inputs) {
    boolean anyFloating =
        inputs.stream().anyMatch(s -> TFloating.class.isAssignableFrom(s.dtype()));
    return anyFloating || inputs.isEmpty() ? dtypePolicy().computeDtype() : inputs.get(0).dtype();
  }

  /** {@code Add 'add_1'}: the class and name that errors start with. */
  final String describe() {
    return getClass().getSimpleName() + " '" + name() + "'";
  }

  static String kerasShapes(List<Shape> shapes) {
    return shapes.stream().map(Shapes::toKeras).collect(Collectors.joining(", ", "[", "]"));
  }

  /** The inputs typed alike; {@link #call} has made their dtypes equal. */
  @SuppressWarnings("unchecked")
  static <T extends TType> List<Operand<T>> typed(List<Operand<?>> xs) {
    List<Operand<T>> out = new ArrayList<>(xs.size());
    for (Operand<?> x : xs) out.add((Operand<T>) x);
    return out;
  }
}

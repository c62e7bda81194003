package io.keras4j.layers.reshaping;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.StridedSlice;

/**
 * What {@link Cropping1D}, {@link Cropping2D} and {@link Cropping3D} share: removing {@code
 * (before, after)} entries from each spatial axis of a {@code channels_last} or {@code
 * channels_first} tensor, with one strided slice.
 */
abstract class Cropping extends Layer {

  Cropping(LayerArgs args) {
    super(args);
  }

  /** One {@code (before, after)} pair per spatial axis. */
  abstract List<List<Integer>> cropping();

  abstract boolean channelsFirst();

  @Override
  protected final Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    computeOutputShape(input.shape());
    List<List<Integer>> cropping = cropping();
    int rank = cropping.size() + 2;
    int first = channelsFirst() ? 2 : 1;
    // int32 indices: the registered gradient of StridedSlice builds an int32 shape and fails
    // against int64 begin/end/strides.
    int[] begin = new int[rank];
    int[] end = new int[rank];
    long beginMask = 0;
    long endMask = 0;
    for (int axis = 0; axis < rank; axis++) {
      int s = axis - first;
      if (s < 0 || s >= cropping.size()) {
        beginMask |= 1L << axis;
        endMask |= 1L << axis;
        continue;
      }
      begin[axis] = cropping.get(s).get(0);
      int after = cropping.get(s).get(1);
      // Keras parity: no crop at the end slices to the end (x[a:], not x[a:-0]).
      if (after == 0) endMask |= 1L << axis;
      else end[axis] = -after;
    }
    int[] strides = new int[rank];
    Arrays.fill(strides, 1);
    return tf.stridedSlice(
        input,
        tf.constant(begin),
        tf.constant(end),
        tf.constant(strides),
        StridedSlice.beginMask(beginMask),
        StridedSlice.endMask(endMask));
  }

  @Override
  public final Shape computeOutputShape(Shape inputShape) {
    List<List<Integer>> cropping = cropping();
    InputRank.check(this, inputShape, cropping.size() + 2);
    int first = channelsFirst() ? 2 : 1;
    long[] out = inputShape.asArray();
    for (int s = 0; s < cropping.size(); s++) {
      long d = out[first + s];
      if (d == Shape.UNKNOWN_SIZE) continue;
      long left = d - cropping.get(s).get(0) - cropping.get(s).get(1);
      if (left <= 0) {
        throw new IllegalArgumentException(
            getClass().getSimpleName()
                + " '"
                + name()
                + "': values in `cropping` argument should be smaller than the corresponding"
                + " spatial dimension of the input. Received: input_shape="
                + Shapes.toKeras(inputShape)
                + ", cropping="
                + cropping);
      }
      out[first + s] = left;
    }
    return Shape.of(out);
  }
}

package io.keras4j.layers.reshaping;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * What {@link UpSampling1D}, {@link UpSampling2D} and {@link UpSampling3D} share: repeating every
 * entry {@code size[i]} times along spatial axis {@code i}, as Keras' {@code ops.repeat}.
 *
 * <p>The repeat is one {@code Reshape}, {@code Tile}, {@code Reshape} chain: a unit axis is
 * inserted after each spatial axis, tiled {@code size[i]} times, and merged back. All three ops
 * have registered gradients and work on every dtype.
 */
abstract class UpSampling extends Layer {

  UpSampling(LayerArgs args) {
    super(args);
  }

  /** The repeat factor of each spatial axis. */
  abstract List<Integer> size();

  abstract boolean channelsFirst();

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    InputRank.check(this, input.shape(), size().size() + 2);
    return repeat(tf, input);
  }

  /** Nearest-neighbour upsampling: every entry repeated along each spatial axis. */
  final <T extends TType> Operand<T> repeat(Ops tf, Operand<T> x) {
    List<Integer> size = size();
    int rank = size.size() + 2;
    int first = channelsFirst() ? 2 : 1;
    DynamicShape shape = DynamicShape.of(tf, x);
    List<Operand<TInt64>> expanded = new ArrayList<>();
    List<Integer> multiples = new ArrayList<>();
    List<Operand<TInt64>> repeated = new ArrayList<>();
    for (int axis = 0; axis < rank; axis++) {
      int s = axis - first;
      int factor = s >= 0 && s < size.size() ? size.get(s) : 1;
      expanded.add(shape.dim(axis));
      multiples.add(1);
      repeated.add(shape.dim(axis, factor));
      if (factor != 1) {
        expanded.add(shape.constant(1));
        multiples.add(factor);
      }
    }
    if (expanded.size() == rank) {
      return x; // every factor is 1
    }
    Operand<T> unit = tf.reshape(x, shape.vector(expanded));
    Operand<T> tiled =
        tf.tile(unit, tf.constant(multiples.stream().mapToInt(Integer::intValue).toArray()));
    return tf.reshape(tiled, shape.vector(repeated));
  }

  @Override
  public final Shape computeOutputShape(Shape inputShape) {
    List<Integer> size = size();
    InputRank.check(this, inputShape, size.size() + 2);
    int first = channelsFirst() ? 2 : 1;
    long[] out = inputShape.asArray();
    for (int s = 0; s < size.size(); s++) {
      if (out[first + s] != Shape.UNKNOWN_SIZE) {
        out[first + s] *= size.get(s);
      }
    }
    return Shape.of(out);
  }
}

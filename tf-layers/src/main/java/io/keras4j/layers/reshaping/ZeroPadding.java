package io.keras4j.layers.reshaping;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * What {@link ZeroPadding1D}, {@link ZeroPadding2D} and {@link ZeroPadding3D} share: adding {@code
 * (before, after)} zeros to each spatial axis of a {@code channels_last} or {@code channels_first}
 * tensor, with one {@code Pad}.
 */
abstract class ZeroPadding extends Layer {

  ZeroPadding(LayerArgs args) {
    super(args);
  }

  /** One {@code (before, after)} pair per spatial axis. */
  abstract List<List<Integer>> padding();

  abstract boolean channelsFirst();

  @Override
  protected final Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    InputRank.check(this, input.shape(), padding().size() + 2);
    return pad(tf, input);
  }

  private <T extends org.tensorflow.types.family.TType> Operand<T> pad(Ops tf, Operand<T> x) {
    List<List<Integer>> padding = padding();
    int rank = padding.size() + 2;
    int first = channelsFirst() ? 2 : 1;
    int[][] all = new int[rank][2];
    for (int s = 0; s < padding.size(); s++) {
      all[first + s][0] = padding.get(s).get(0);
      all[first + s][1] = padding.get(s).get(1);
    }
    Operand<T> zero = tf.zeros(tf.constant(new int[0]), x.type());
    return tf.pad(x, tf.constant(all), zero);
  }

  @Override
  public final Shape computeOutputShape(Shape inputShape) {
    List<List<Integer>> padding = padding();
    InputRank.check(this, inputShape, padding.size() + 2);
    int first = channelsFirst() ? 2 : 1;
    long[] out = inputShape.asArray();
    for (int s = 0; s < padding.size(); s++) {
      if (out[first + s] != Shape.UNKNOWN_SIZE) {
        out[first + s] += padding.get(s).get(0) + padding.get(s).get(1);
      }
    }
    return Shape.of(out);
  }
}

package io.keras4j.layers.merging;

import io.keras4j.layers.LayerArgs;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TType;

/**
 * Multiplies a list of tensors element-wise: {@code y = x[0] * x[1] * ... * x[n-1]}. Keras' {@code
 * keras.layers.Multiply}.
 *
 * <p>Inputs: a list of tensors of one shape, or of shapes that broadcast (an input of lower rank
 * gets unit axes after the batch axis); output: the broadcast shape. Output mask: the OR of the
 * input masks, none unless every input has one.
 *
 * <p>With masks, Keras' rule: a masked-out entry of an input counts as 1 in the product, and when
 * every input has a mask, entries masked out in all inputs are 0.
 *
 * <pre>{@code
 * KerasTensor a = Input.of(5);
 * KerasTensor b = Input.of(5);
 * KerasTensor product = new Multiply().apply(List.of(a, b)); // (None, 5)
 * }</pre>
 */
public final class Multiply extends Merge {

  private final MultiplyConfig config;

  public Multiply() {
    this(new MultiplyConfig());
  }

  public Multiply(MultiplyConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Multiply(MultiplyConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  Operand<?> merge(Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks) {
    List<Operand<TType>> xs = typed(inputs);
    boolean allMasked = masks.stream().allMatch(m -> m != null);
    Operand<TType> out = null;
    Operand<TBool> outMask = null;
    for (int i = 0; i < xs.size(); i++) {
      Operand<TType> x = xs.get(i);
      Operand<TBool> mask = masks.get(i);
      if (mask != null) {
        mask = alignMask(tf, mask, x);
        x = tf.select(mask, x, tf.dtypes.cast(tf.constant(1), x.type()));
        if (allMasked) outMask = outMask == null ? mask : tf.math.logicalOr(outMask, mask);
      }
      out = out == null ? x : tf.math.mul(out, x);
    }
    if (outMask != null) {
      out = tf.select(outMask, out, tf.dtypes.cast(tf.constant(0), out.type()));
    }
    return out;
  }

  @Override
  public MultiplyConfig getConfig() {
    return config;
  }
}

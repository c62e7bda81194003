package io.keras4j.layers.merging;

import io.keras4j.layers.LayerArgs;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;

/**
 * The element-wise maximum of a list of tensors: {@code y = max(x[0], ..., x[n-1])}. Keras' {@code
 * keras.layers.Maximum}.
 *
 * <p>Inputs: a list of tensors of one shape, or of shapes that broadcast (an input of lower rank
 * gets unit axes after the batch axis); output: the broadcast shape. Output mask: the OR of the
 * input masks, none unless every input has one.
 *
 * <p>With masks, Keras' rule: an entry masked out in an input takes the value of the inputs before
 * it, so masked entries never win.
 *
 * <pre>{@code
 * KerasTensor a = Input.of(5);
 * KerasTensor b = Input.of(5);
 * KerasTensor y = new Maximum().apply(List.of(a, b)); // (None, 5)
 * }</pre>
 */
public final class Maximum extends Merge {

  private final MaximumConfig config;

  public Maximum() {
    this(new MaximumConfig());
  }

  public Maximum(MaximumConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Maximum(MaximumConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  Operand<?> merge(Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks) {
    return mergeWithMasks(tf, inputs, masks, (a, b) -> tf.math.maximum(a, b));
  }

  @Override
  public MaximumConfig getConfig() {
    return config;
  }
}

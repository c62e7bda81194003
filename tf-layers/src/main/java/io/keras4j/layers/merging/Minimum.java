package io.keras4j.layers.merging;

import io.keras4j.layers.LayerArgs;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;

/**
 * The element-wise minimum of a list of tensors: {@code y = min(x[0], ..., x[n-1])}. Keras' {@code
 * keras.layers.Minimum}.
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
 * KerasTensor y = new Minimum().apply(List.of(a, b)); // (None, 5)
 * }</pre>
 */
public final class Minimum extends Merge {

  private final MinimumConfig config;

  public Minimum() {
    this(new MinimumConfig());
  }

  public Minimum(MinimumConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Minimum(MinimumConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  Operand<?> merge(Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks) {
    return mergeWithMasks(tf, inputs, masks, (a, b) -> tf.math.minimum(a, b));
  }

  @Override
  public MinimumConfig getConfig() {
    return config;
  }
}

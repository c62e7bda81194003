package io.keras4j.layers.merging;

import io.keras4j.layers.LayerArgs;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TType;

/**
 * Sums a list of tensors element-wise: {@code y = x[0] + x[1] + ... + x[n-1]}. Keras' {@code
 * keras.layers.Add}.
 *
 * <p>Inputs: a list of tensors of one shape, or of shapes that broadcast (an input of lower rank
 * gets unit axes after the batch axis); output: the broadcast shape. Output mask: the OR of the
 * input masks, none unless every input has one.
 *
 * <pre>{@code
 * KerasTensor a = Input.of(5);
 * KerasTensor b = Input.of(5);
 * KerasTensor sum = new Add().apply(List.of(a, b)); // (None, 5)
 * }</pre>
 */
public final class Add extends Merge {

  private final AddConfig config;

  public Add() {
    this(new AddConfig());
  }

  public Add(AddConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Add(AddConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  /** {@code x[0] + x[1] + ...}, added left to right as Keras adds them. */
  static <T extends TType> Operand<T> sum(Ops tf, List<Operand<T>> xs) {
    Operand<T> out = xs.get(0);
    for (int i = 1; i < xs.size(); i++) {
      out = tf.math.add(out, xs.get(i));
    }
    return out;
  }

  @Override
  Operand<?> merge(Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks) {
    return sum(tf, Merge.<TType>typed(inputs));
  }

  @Override
  public AddConfig getConfig() {
    return config;
  }
}

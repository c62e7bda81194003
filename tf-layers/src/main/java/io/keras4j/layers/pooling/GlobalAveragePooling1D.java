package io.keras4j.layers.pooling;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.convolutional.DataFormat;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * Global 1-D average pooling: the mean over all steps, per channel. Keras' {@code
 * keras.layers.GlobalAveragePooling1D}.
 *
 * <p>With a mask (from an {@code Embedding} or {@code Masking} layer) it averages the unmasked
 * steps only: {@code sum(x * mask) / sum(mask)}; its output carries no mask.
 *
 * <p>Input {@code (batch, steps, channels)} (or {@code (batch, channels, steps)} for {@code
 * channels_first}), output {@code (batch, channels)}, or {@code (batch, 1, channels)} with {@code
 * keepdims}. No weights.
 *
 * <pre>{@code
 * KerasTensor y = new GlobalAveragePooling1D(GlobalPoolingConfig.defaults()).apply(Input.of(6, 4)); // (None, 4)
 * }</pre>
 */
public final class GlobalAveragePooling1D extends BaseGlobalPooling {

  public GlobalAveragePooling1D(GlobalPoolingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public GlobalAveragePooling1D(GlobalPoolingConfig config, LayerArgs args) {
    super(1, PoolMode.AVERAGE, config, args);
    setSupportsMasking(true);
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    Operand<TBool> mask = context.mask(0);
    return mask == null
        ? super.call(tf, input, context)
        : maskedMean(tf, Tensors.floating(input), mask);
  }

  private <T extends TFloating> Operand<T> maskedMean(Ops tf, Operand<T> x, Operand<TBool> mask) {
    boolean channelsLast = getConfig().dataFormat() == DataFormat.CHANNELS_LAST;
    Operand<TBool> m = tf.expandDims(mask, tf.constant(channelsLast ? 2 : 1));
    Operand<TInt32> steps = tf.constant(channelsLast ? 1 : 2);
    Sum.Options keepdims = Sum.keepDims(getConfig().keepdims());
    // Keras parity: masked steps are replaced by zeros (not multiplied by zero), so a NaN or an
    // infinity in a masked step does not reach the output.
    Operand<T> total = tf.sum(tf.select(m, x, tf.zerosLike(x)), steps, keepdims);
    Operand<T> count = tf.sum(tf.dtypes.cast(m, x.type()), steps, keepdims);
    return tf.math.div(total, count);
  }

  /** Keras' {@code compute_mask}: the pooled output carries no mask. */
  @Override
  public List<@Nullable Operand<TBool>> computeMask(
      Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks, int outputCount) {
    List<@Nullable Operand<TBool>> none = new ArrayList<>(outputCount);
    for (int i = 0; i < outputCount; i++) none.add(null);
    return none;
  }
}

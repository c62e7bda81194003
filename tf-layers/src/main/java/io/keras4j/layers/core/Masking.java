package io.keras4j.layers.core;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceAny;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TNumber;

/**
 * Masks the time steps whose every feature equals {@code mask_value}: Keras' {@code
 * keras.layers.Masking}. The output is the input with those steps set to zero, and it carries the
 * mask {@code any(x != mask_value, axis=-1)}, which recurrent layers downstream use to skip the
 * masked steps.
 *
 * <p>Input {@code (batch, timesteps, features)}; output the same shape, with a mask {@code (batch,
 * timesteps)}.
 *
 * <pre>{@code
 * Masking masking = new Masking(MaskingConfig.builder().maskValue(0.0).build());
 * KerasTensor y = masking.apply(Input.of(6, 3));
 * }</pre>
 */
public final class Masking extends Layer {

  private final MaskingConfig config;

  public Masking(MaskingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Masking(MaskingConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    buildAtInit(); // Keras parity: Masking is built in its constructor and saves no build_config
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    Operand<TNumber> x = Tensors.numeric(input);
    Operand<TBool> keep = anyDiffers(tf, x, true);
    return tf.select(keep, x, tf.zerosLike(x));
  }

  /** Keras' {@code compute_mask}: the steps where any feature differs from {@code mask_value}. */
  @Override
  public List<@Nullable Operand<TBool>> computeMask(
      Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks, int outputCount) {
    Operand<TBool> mask = anyDiffers(tf, Tensors.numeric(inputs.get(0)), false);
    List<@Nullable Operand<TBool>> out = new ArrayList<>(outputCount);
    for (int i = 0; i < outputCount; i++) out.add(mask);
    return out;
  }

  private Operand<TBool> anyDiffers(Ops tf, Operand<TNumber> x, boolean keepDims) {
    Operand<TNumber> value = tf.dtypes.cast(tf.constant(config.maskValue()), x.type());
    return tf.reduceAny(tf.math.notEqual(x, value), tf.constant(-1), ReduceAny.keepDims(keepDims));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public MaskingConfig getConfig() {
    return config;
  }
}

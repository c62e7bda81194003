package io.keras4j.initializers;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * Uniform in {@code [minval, maxval)}: Keras' {@code keras.initializers.RandomUniform}, also
 * known by its Keras 2 name {@code "uniform"}. A seed makes the values reproducible.
 */
public record RandomUniform(
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("minval") double minval,
    @JsonProperty("maxval") double maxval)
    implements Initializer {

  /** Keras' defaults: {@code [-0.05, 0.05)}, unseeded. */
  public RandomUniform() {
    this(null, -0.05, 0.05);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    Class<? extends TNumber> type = (Class<? extends TNumber>) dtype;
    Operand<? extends TNumber> u =
        seed == null
            ? tf.random.randomUniform(tf.constant(shape), type)
            : tf.random.statelessRandomUniform(
                tf.constant(shape), tf.constant(new long[] {seed, 0}), type);
    Operand<TNumber> unit = (Operand<TNumber>) u;
    Operand<TNumber> lo = (Operand<TNumber>) tf.dtypes.cast(tf.constant(minval), type);
    Operand<TNumber> span = (Operand<TNumber>) tf.dtypes.cast(tf.constant(maxval - minval), type);
    return (Operand<T>) tf.math.add(tf.math.mul(unit, span), lo);
  }
}

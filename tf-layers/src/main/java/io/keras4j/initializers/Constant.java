package io.keras4j.initializers;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.layers.DTypePolicy;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * Every value {@code value}, cast to the weight's dtype: Keras' {@code
 * keras.initializers.Constant}. Only scalar values, as in Keras.
 *
 * <pre>{@code
 * Operand<TFloat32> w = new Constant(0.1).call(tf, Shape.of(16), TFloat32.class);
 * }</pre>
 *
 * @param value the scalar every element takes (Keras' default 0.0 for a missing key)
 */
public record Constant(@JsonProperty("value") double value) implements Initializer {

  /** Keras' default: {@code value=0.0}. */
  public Constant() {
    this(0.0);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    if (!TNumber.class.isAssignableFrom(dtype)) {
      throw new IllegalArgumentException(
          "Constant needs a numeric dtype, received " + DTypePolicy.kerasName(dtype));
    }
    return (Operand<T>) fill(tf, shape, (Class<? extends TNumber>) dtype);
  }

  private <N extends TNumber> Operand<N> fill(Ops tf, Shape shape, Class<N> dtype) {
    // Keras parity: cast(value, dtype) * ones(shape) is a fill with the cast value.
    return tf.fill(tf.constant(shape), tf.constant(dtype, value));
  }
}

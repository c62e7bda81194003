package io.keras4j.initializers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * All ones: Keras' {@code keras.initializers.Ones}.
 *
 * <pre>{@code
 * Operand<TFloat32> gamma = new Ones().call(tf, Shape.of(16), TFloat32.class);
 * }</pre>
 */
public record Ones() implements Initializer {

  @Override
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    return tf.ones(tf.constant(shape), dtype);
  }
}

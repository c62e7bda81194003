package io.keras4j.initializers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * All zeros: Keras' {@code keras.initializers.Zeros}.
 *
 * <pre>{@code
 * Operand<TFloat32> bias = new Zeros().call(tf, Shape.of(16), TFloat32.class);
 * }</pre>
 */
public record Zeros() implements Initializer {

  @Override
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    return tf.zeros(tf.constant(shape), dtype);
  }
}

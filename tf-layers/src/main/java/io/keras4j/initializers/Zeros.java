package io.keras4j.initializers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/** All zeros: Keras' {@code keras.initializers.Zeros}. */
public record Zeros() implements Initializer {

  @Override
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    return tf.zeros(tf.constant(shape), dtype);
  }
}

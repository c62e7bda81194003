package io.keras4j.initializers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * Computes the initial value of a weight, as Keras' {@code keras.initializers.Initializer}.
 *
 * <p>Implementations are records whose components are the Keras config keys, registered in {@link
 * io.keras4j.serialization.KerasRegistry} under their Keras class name.
 */
public interface Initializer {

  /**
   * Builds the initial value.
   *
   * @param tf where to build the ops
   * @param shape the weight's full shape (no unknown dimensions)
   * @param dtype the weight's dtype
   */
  <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype);
}

package io.keras4j.activations;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * An element-wise (or, for softmax, axis-wise) activation function, as the functions of Keras'
 * {@code keras.activations}.
 *
 * <p>Built-in activations are the constants of {@link BuiltinActivation}; they serialize as their
 * Keras name ({@code "relu"}).
 */
public interface Activation {

  /** Applies the activation to {@code x}. */
  <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x);
}

package io.keras4j.internal;

import java.util.HashSet;
import java.util.Set;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.CustomGradient;
import org.tensorflow.op.RawOpInputs;

/**
 * The gradients Keras4J registers for ops that TensorFlow's C++ library, which TensorFlow Java's
 * {@code addGradients} uses, has none for. TensorFlow keeps one gradient per op type for the whole
 * process: each is registered once, before the first graph that builds its op.
 */
public final class Gradients {

  private static final Set<Class<?>> REGISTERED = new HashSet<>();

  private Gradients() {}

  /** Registers {@code gradient} for the op whose inputs {@code op} describes, once per process. */
  public static synchronized <T extends RawOpInputs<?>> void register(
      Class<T> op, CustomGradient<T> gradient) {
    if (REGISTERED.add(op)) {
      TensorFlow.registerCustomGradient(op, gradient);
    }
  }
}

package io.keras4j.layers;

import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * Typed views of the {@code Operand<?>} a layer receives: each checks the tensor's dtype and names
 * it in the error.
 */
public final class Tensors {

  private Tensors() {}

  /** {@code x} as a floating tensor of whatever precision it has. */
  @SuppressWarnings("unchecked")
  public static <T extends TFloating> Operand<T> floating(Operand<?> x) {
    return (Operand<T>) require(x, TFloating.class, "a floating-point");
  }

  /** {@code x} as a numeric tensor. */
  @SuppressWarnings("unchecked")
  public static <T extends TNumber> Operand<T> numeric(Operand<?> x) {
    return (Operand<T>) require(x, TNumber.class, "a numeric");
  }

  /** {@code x} as a boolean tensor. */
  @SuppressWarnings("unchecked")
  public static Operand<TBool> bool(Operand<?> x) {
    return (Operand<TBool>) require(x, TBool.class, "a boolean");
  }

  /** {@code x} typed as {@code type}, after checking that it has that dtype. */
  @SuppressWarnings("unchecked")
  public static <T extends TType> Operand<T> as(Operand<?> x, Class<T> type) {
    if (x.type() != type) {
      throw new IllegalArgumentException(
          "Expected a " + type.getSimpleName() + " tensor, received " + x.type().getSimpleName());
    }
    return (Operand<T>) x;
  }

  private static Operand<?> require(Operand<?> x, Class<?> family, String what) {
    if (!family.isAssignableFrom(x.type())) {
      throw new IllegalArgumentException(
          "Expected " + what + " tensor, received " + x.type().getSimpleName());
    }
    return x;
  }
}

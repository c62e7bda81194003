package io.keras4j.constraints;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ObjectType;
import io.keras4j.serialization.ObjectType.Category;

/**
 * Registers Keras' built-in constraints, one line per class: the class name, the snake-case name
 * Keras' {@code keras.constraints.get} accepts ({@code "max_norm"}, {@code "min_max_norm"}, {@code
 * "non_neg"}, {@code "unit_norm"}), and Keras 2's legacy names {@code "maxnorm"}, {@code "nonneg"}
 * and {@code "unitnorm"}.
 */
public final class Constraints {

  private Constraints() {}

  public static void register(KerasRegistry.Builder b) {
    add(b, "MaxNorm", MaxNorm.class, "max_norm", "maxnorm");
    add(b, "MinMaxNorm", MinMaxNorm.class, "min_max_norm");
    add(b, "NonNeg", NonNeg.class, "non_neg", "nonneg");
    add(b, "UnitNorm", UnitNorm.class, "unit_norm", "unitnorm");
  }

  private static void add(
      KerasRegistry.Builder b,
      String className,
      Class<? extends Constraint> javaClass,
      String... aliases) {
    ObjectType type = ObjectType.of(Category.CONSTRAINT, className, javaClass);
    b.object(type);
    for (String alias : aliases) {
      b.alias(alias, type);
    }
  }
}

package io.keras4j.regularizers;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ObjectType;
import io.keras4j.serialization.ObjectType.Category;

/**
 * Registers Keras' built-in regularizers, one line per class: the class name, and the snake-case
 * names Keras' {@code keras.regularizers.get} accepts ({@code "l1"}, {@code "l2"}, {@code "l1l2"},
 * {@code "orthogonal_regularizer"}), plus {@code "l1_l2"}, the name Keras exports and Keras 2 used.
 */
public final class Regularizers {

  private Regularizers() {}

  public static void register(KerasRegistry.Builder b) {
    add(b, "L1", L1.class, "l1");
    add(b, "L2", L2.class, "l2");
    add(b, "L1L2", L1L2.class, "l1l2", "l1_l2");
    add(b, "OrthogonalRegularizer", OrthogonalRegularizer.class, "orthogonal_regularizer");
  }

  private static void add(
      KerasRegistry.Builder b,
      String className,
      Class<? extends Regularizer> javaClass,
      String... aliases) {
    ObjectType type = ObjectType.of(Category.REGULARIZER, className, javaClass);
    b.object(type);
    for (String alias : aliases) {
      b.alias(alias, type);
    }
  }
}

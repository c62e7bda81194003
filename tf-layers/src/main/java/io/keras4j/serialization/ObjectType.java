package io.keras4j.serialization;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A serializable Keras object that is not a layer, such as an initializer, a regularizer or a
 * constraint: its category, Keras names and Java class (a record whose components are its config).
 *
 * @param module Keras' module ({@code keras.initializers}), {@code null} for custom objects
 * @param registeredName the {@code package>Name} key of a custom object, {@code null} for built-ins
 */
public record ObjectType(
    Category category,
    @Nullable String module,
    String className,
    @Nullable String registeredName,
    Class<?> javaClass) {

  /** The kinds of objects the registry holds besides layers. */
  public enum Category {
    INITIALIZER("keras.initializers"),
    REGULARIZER("keras.regularizers"),
    CONSTRAINT("keras.constraints"),
    ACTIVATION("keras.activations"),
    OPTIMIZER("keras.optimizers"),
    LOSS("keras.losses"),
    METRIC("keras.metrics"),
    SCHEDULE("keras.optimizers.schedules");

    private final String module;

    Category(String module) {
      this.module = module;
    }

    /** Keras' module for built-ins of this category. */
    public String module() {
      return module;
    }
  }

  public ObjectType {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(javaClass, "javaClass");
  }

  /** A built-in object, in its category's Keras module. */
  public static ObjectType of(Category category, String className, Class<?> javaClass) {
    return new ObjectType(category, category.module(), className, null, javaClass);
  }

  /** A custom object registered under {@code package>className}. */
  public static ObjectType custom(
      Category category, String pkg, String className, Class<?> javaClass) {
    return new ObjectType(category, null, className, pkg + ">" + className, javaClass);
  }

  public String key() {
    return registeredName != null ? registeredName : className;
  }
}

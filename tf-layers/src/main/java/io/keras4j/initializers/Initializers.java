package io.keras4j.initializers;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ObjectType;
import io.keras4j.serialization.ObjectType.Category;

/** Registers Keras' built-in initializers, one line per class. */
public final class Initializers {

  private Initializers() {}

  public static void register(KerasRegistry.Builder b) {
    b.object(ObjectType.of(Category.INITIALIZER, "GlorotUniform", GlorotUniform.class));
    b.object(ObjectType.of(Category.INITIALIZER, "Zeros", Zeros.class));
  }
}

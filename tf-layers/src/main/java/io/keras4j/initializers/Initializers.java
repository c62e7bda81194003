package io.keras4j.initializers;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ObjectType;
import io.keras4j.serialization.ObjectType.Category;

/**
 * Registers Keras' built-in initializers, one line per class: the class name, and the aliases that
 * Keras' {@code keras.initializers.get} accepts (snake-case names such as {@code "glorot_uniform"},
 * and the older {@code "normal"}, {@code "uniform"}, {@code "zero"}, {@code "one"}, {@code
 * "IdentityInitializer"}, {@code "OrthogonalInitializer"}) that Keras 2 files and configs written
 * by hand use.
 */
public final class Initializers {

  private Initializers() {}

  public static void register(KerasRegistry.Builder b) {
    add(b, "Constant", Constant.class, "constant");
    add(b, "Zeros", Zeros.class, "zeros", "zero");
    add(b, "Ones", Ones.class, "ones", "one");
    add(b, "Identity", Identity.class, "identity", "IdentityInitializer");
    add(b, "RandomNormal", RandomNormal.class, "random_normal", "normal");
    add(b, "RandomUniform", RandomUniform.class, "random_uniform", "uniform");
    add(b, "TruncatedNormal", TruncatedNormal.class, "truncated_normal");
    add(b, "VarianceScaling", VarianceScaling.class, "variance_scaling");
    add(b, "GlorotUniform", GlorotUniform.class, "glorot_uniform");
    add(b, "GlorotNormal", GlorotNormal.class, "glorot_normal");
    add(b, "HeUniform", HeUniform.class, "he_uniform");
    add(b, "HeNormal", HeNormal.class, "he_normal");
    add(b, "LecunUniform", LecunUniform.class, "lecun_uniform");
    add(b, "LecunNormal", LecunNormal.class, "lecun_normal");
    add(b, "Orthogonal", Orthogonal.class, "orthogonal", "OrthogonalInitializer");
  }

  private static void add(
      KerasRegistry.Builder b,
      String className,
      Class<? extends Initializer> javaClass,
      String... aliases) {
    ObjectType type = ObjectType.of(Category.INITIALIZER, className, javaClass);
    b.object(type);
    for (String alias : aliases) {
      b.alias(alias, type);
    }
  }
}

package io.keras4j.optimizers;

import io.keras4j.optimizers.schedules.LearningRateSchedules;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ObjectType;
import io.keras4j.serialization.ObjectType.Category;

/**
 * Registers Keras' built-in optimizers, one line per class, with the lower-case names that Keras'
 * {@code keras.optimizers.get} accepts ({@code compile(optimizer="adam")}), and the learning-rate
 * schedules.
 *
 * <p>Optimizers are written under Keras' public module {@code keras.optimizers}, which every
 * backend resolves; files from Keras' torch backend name the backend's class ({@code
 * keras.src.backend.torch.optimizers.torch_sgd}) and are read by class name.
 */
public final class Optimizers {

  private Optimizers() {}

  public static void register(KerasRegistry.Builder b) {
    add(b, "SGD", SGD.class, "sgd");
    add(b, "Adam", Adam.class, "adam");
    add(b, "AdamW", AdamW.class, "adamw");
    add(b, "RMSprop", RMSprop.class, "rmsprop");
    add(b, "Adagrad", Adagrad.class, "adagrad");
    add(b, "Adamax", Adamax.class, "adamax");
    add(b, "Nadam", Nadam.class, "nadam");
    LearningRateSchedules.register(b);
  }

  private static void add(
      KerasRegistry.Builder b,
      String className,
      Class<? extends Optimizer> javaClass,
      String alias) {
    ObjectType type = ObjectType.of(Category.OPTIMIZER, className, javaClass);
    b.object(type);
    b.alias(alias, type);
  }
}

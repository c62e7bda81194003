package io.keras4j.optimizers.schedules;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ObjectType;
import io.keras4j.serialization.ObjectType.Category;

/** Registers Keras' built-in learning-rate schedules, one line per class. */
public final class LearningRateSchedules {

  private LearningRateSchedules() {}

  public static void register(KerasRegistry.Builder b) {
    add(b, "ExponentialDecay", ExponentialDecay.class);
    add(b, "PiecewiseConstantDecay", PiecewiseConstantDecay.class);
    add(b, "PolynomialDecay", PolynomialDecay.class);
    add(b, "InverseTimeDecay", InverseTimeDecay.class);
    add(b, "CosineDecay", CosineDecay.class);
  }

  private static void add(
      KerasRegistry.Builder b, String className, Class<? extends LearningRateSchedule> javaClass) {
    b.object(ObjectType.of(Category.SCHEDULE, className, javaClass));
  }
}

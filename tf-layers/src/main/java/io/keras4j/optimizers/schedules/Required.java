package io.keras4j.optimizers.schedules;

import org.jspecify.annotations.Nullable;

/** Checks of the schedules' arguments, in Keras' words. */
final class Required {

  private Required() {}

  /** The value of a constructor argument that Keras requires (it has no default). */
  static double arg(@Nullable Double value, String schedule, String key) {
    if (value == null) {
      throw new IllegalArgumentException(
          schedule + "() is missing the required argument `" + key + "`");
    }
    return value;
  }

  static void positiveDecaySteps(double decaySteps) {
    if (!(decaySteps > 0)) {
      throw new IllegalArgumentException(
          "Argument `decay_steps` must be > 0. Received: decay_steps=" + decaySteps);
    }
  }
}

package io.keras4j.optimizers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import java.util.Objects;

/**
 * An optimizer's {@code learning_rate}: a constant, which the optimizer keeps in a variable that
 * callbacks may assign, or a schedule evaluated at each step. In Keras JSON a constant is a number
 * and a schedule is its {@code keras.optimizers.schedules} object.
 *
 * <pre>{@code
 * LearningRate fixed = LearningRate.of(0.01);
 * LearningRate decayed = LearningRate.of(ExponentialDecay.of(0.05, 3, 0.7));
 * }</pre>
 */
@JsonSerialize(using = LearningRateJson.Writer.class)
@JsonDeserialize(using = LearningRateJson.Reader.class)
public sealed interface LearningRate permits LearningRate.Constant, LearningRate.Scheduled {

  static LearningRate of(double value) {
    return new Constant(value);
  }

  static LearningRate of(LearningRateSchedule schedule) {
    return new Scheduled(schedule);
  }

  /** A learning rate that changes only when assigned, as Keras' float {@code learning_rate}. */
  record Constant(double value) implements LearningRate {}

  /** A learning rate computed from the iteration count at each step. */
  record Scheduled(LearningRateSchedule schedule) implements LearningRate {
    public Scheduled {
      Objects.requireNonNull(schedule, "schedule");
    }
  }
}

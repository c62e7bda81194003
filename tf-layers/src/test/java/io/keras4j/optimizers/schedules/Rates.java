package io.keras4j.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.IntToDoubleFunction;
import org.tensorflow.EagerSession;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Evaluates a schedule eagerly at integer steps, as an optimizer does with its int32 count. */
final class Rates {

  private Rates() {}

  static float at(LearningRateSchedule schedule, int step) {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      TFloat32 lr = schedule.call(tf, tf.constant(step)).asTensor();
      assertEquals(0, lr.rank(), "a scalar");
      return lr.getFloat();
    }
  }

  /** The schedule's value at steps {@code 0..last} is the formula's, within float32 rounding. */
  static void assertFollows(LearningRateSchedule schedule, int last, IntToDoubleFunction formula) {
    for (int step = 0; step <= last; step++) {
      double expected = formula.applyAsDouble(step);
      assertEquals(expected, at(schedule, step), 1e-9 + 2e-6 * Math.abs(expected), "step " + step);
    }
  }
}

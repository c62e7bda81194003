package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class LogCoshTest {

  private static final Data Y_TRUE = Data.uniform(11, Shape.of(4, 3), -3, 3);
  private static final Data Y_PRED = Data.uniform(12, Shape.of(4, 3), -3, 3);

  @Test
  void is_the_mean_log_cosh_of_the_errors() {
    LossKit.assertRows(
        new LogCosh(),
        Y_TRUE,
        Y_PRED,
        (t, p) -> {
          double s = 0;
          for (int j = 0; j < t.length; j++) s += Math.log(Math.cosh(p[j] - t[j]));
          return s / t.length;
        });
  }

  @Test
  void large_errors_do_not_overflow() {
    // cosh(1000) overflows a double; log(cosh(x)) is |x| - log(2) there.
    double[] v =
        LossKit.call(
            new LogCosh(), Data.of(Shape.of(1, 2), 0, 0), Data.of(Shape.of(1, 2), 1000, -1000));
    org.junit.jupiter.api.Assertions.assertEquals(1000 - Math.log(2), v[0], 1e-9);
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(new LogCosh(), Y_TRUE, Y_PRED);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(LogCosh.builder().name("lc").build(), "LogCosh", "name", "reduction");
  }
}

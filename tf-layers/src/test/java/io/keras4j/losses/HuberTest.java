package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class HuberTest {

  private static final Data Y_TRUE = Data.uniform(21, Shape.of(5, 4), -1, 1);
  private static final Data Y_PRED = Data.uniform(22, Shape.of(5, 4), -1.5, 1.5);

  private static LossKit.RowReference huber(double delta) {
    return (t, p) -> {
      double s = 0;
      for (int j = 0; j < t.length; j++) {
        double x = Math.abs(p[j] - t[j]);
        s += x <= delta ? 0.5 * x * x : delta * x - 0.5 * delta * delta;
      }
      return s / t.length;
    };
  }

  @Test
  void is_quadratic_within_delta_and_linear_beyond() {
    LossKit.assertRows(new Huber(), Y_TRUE, Y_PRED, huber(1.0));
    LossKit.assertRows(Huber.builder().delta(0.5).build(), Y_TRUE, Y_PRED, huber(0.5));
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(Huber.builder().delta(0.5).build(), Y_TRUE, Y_PRED);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        Huber.builder().delta(0.5).name("huber").build(), "Huber", "name", "reduction", "delta");
  }
}

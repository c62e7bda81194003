package io.keras4j.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiecewiseConstantDecayTest {

  @Test
  void each_interval_takes_its_value_boundaries_included_below() {
    // As train_adamax_piecewise: boundaries [4, 8], values [0.02, 0.01, 0.005].
    PiecewiseConstantDecay s =
        PiecewiseConstantDecay.of(List.of(4.0, 8.0), List.of(0.02, 0.01, 0.005));
    for (int step = 0; step <= 12; step++) {
      double v = step <= 4 ? 0.02 : step <= 8 ? 0.01 : 0.005;
      assertEquals((float) v, Rates.at(s, step), "step " + step);
    }
  }

  @Test
  void fractional_boundaries_are_cast_to_the_step_dtype_as_keras_casts_them() {
    PiecewiseConstantDecay s = PiecewiseConstantDecay.of(List.of(2.7), List.of(1.0, 0.5));
    assertEquals(1.0f, Rates.at(s, 2));
    assertEquals(0.5f, Rates.at(s, 3));
  }

  @Test
  void keras_defaults() {
    assertEquals("PiecewiseConstant", PiecewiseConstantDecay.of(List.of(), List.of(0.1)).name());
    assertEquals(0.1f, Rates.at(PiecewiseConstantDecay.of(List.of(), List.of(0.1)), 7));
  }
}

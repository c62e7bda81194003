package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class KLDivergenceTest {

  private static double clip(double x) {
    return Math.min(Math.max(x, 1e-7), 1);
  }

  @Test
  void is_the_divergence_of_clipped_distributions() {
    // A zero target and a zero prediction are clipped to Keras' epsilon.
    Data yTrue = Data.of(Shape.of(2, 3), 0.2, 0.8, 0, 0.5, 0.25, 0.25);
    Data yPred = Data.of(Shape.of(2, 3), 0.1, 0.6, 0.3, 0, 0.5, 0.5);
    LossKit.assertRows(
        new KLDivergence(),
        yTrue,
        yPred,
        (t, p) -> {
          double s = 0;
          for (int j = 0; j < t.length; j++) s += clip(t[j]) * Math.log(clip(t[j]) / clip(p[j]));
          return s;
        });
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(
        new KLDivergence(),
        Data.probabilities(17, Shape.of(3, 4)),
        Data.probabilities(18, Shape.of(3, 4)));
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        KLDivergence.builder().name("kld").build(), "KLDivergence", "name", "reduction");
  }
}

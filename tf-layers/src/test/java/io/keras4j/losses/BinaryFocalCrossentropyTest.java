package io.keras4j.losses;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class BinaryFocalCrossentropyTest {

  private static final Data BITS = Data.ints(30, Shape.of(4, 3), 2);
  private static final Data LOGITS = Data.uniform(31, Shape.of(4, 3), -3, 3);

  /** Keras' focal formula on clipped probabilities. */
  private static LossKit.RowReference reference(
      boolean logits, double smoothing, boolean balance, double alpha, double gamma) {
    return (t, x) -> {
      double s = 0;
      for (int j = 0; j < t.length; j++) {
        double z = t[j] * (1 - smoothing) + 0.5 * smoothing;
        double p = logits ? 1 / (1 + Math.exp(-x[j])) : x[j];
        double q = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
        double bce = -(z * Math.log(q) + (1 - z) * Math.log(1 - q));
        double pt = z * p + (1 - z) * (1 - p);
        double focal = Math.pow(1 - pt, gamma) * bce;
        if (balance) focal *= z * alpha + (1 - z) * (1 - alpha);
        s += focal;
      }
      return s / t.length;
    };
  }

  @Test
  void from_probabilities_with_keras_defaults() {
    LossKit.assertRows(
        new BinaryFocalCrossentropy(),
        BITS,
        Data.uniform(32, Shape.of(4, 3), 0.01, 0.99),
        reference(false, 0, false, 0.25, 2));
  }

  @Test
  void from_logits_balanced_and_smoothed() {
    LossKit.assertRows(
        BinaryFocalCrossentropy.builder()
            .fromLogits(true)
            .applyClassBalancing(true)
            .alpha(0.4)
            .gamma(1.5)
            .labelSmoothing(0.1)
            .build(),
        BITS,
        LOGITS,
        reference(true, 0.1, true, 0.4, 1.5));
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(
        BinaryFocalCrossentropy.builder().fromLogits(true).applyClassBalancing(true).build(),
        BITS,
        LOGITS);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        BinaryFocalCrossentropy.builder().gamma(3).alpha(0.5).applyClassBalancing(true).build(),
        "BinaryFocalCrossentropy",
        "name",
        "reduction",
        "from_logits",
        "label_smoothing",
        "axis",
        "apply_class_balancing",
        "alpha",
        "gamma");
  }
}

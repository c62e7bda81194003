package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

class BinaryCrossentropyTest {

  private static final Data BITS = Data.ints(27, Shape.of(4, 3), 2);
  private static final Data PROBS = Data.uniform(28, Shape.of(4, 3), 0.01, 0.99);
  private static final Data LOGITS = Data.uniform(29, Shape.of(4, 3), -4, 4);

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** Keras' formula on probabilities clipped to [1e-7, 1 - 1e-7], with smoothed targets. */
  private static LossKit.RowReference reference(double smoothing, boolean logits) {
    return (t, p) -> {
      double s = 0;
      for (int j = 0; j < t.length; j++) {
        double z = t[j] * (1 - smoothing) + 0.5 * smoothing;
        double q = logits ? sigmoid(p[j]) : Math.min(Math.max(p[j], 1e-7), 1 - 1e-7);
        s -= z * Math.log(q) + (1 - z) * Math.log(1 - q);
      }
      return s / t.length;
    };
  }

  @Test
  void from_probabilities() {
    LossKit.assertRows(new BinaryCrossentropy(), BITS, PROBS, reference(0, false));
  }

  @Test
  void from_probabilities_clips_to_epsilon_in_the_dtype_of_the_predictions() {
    Data targets = Data.of(Shape.of(1, 4), 1, 0, 1, 1);
    Data saturated = Data.of(Shape.of(1, 4), 0, 1, 1e-9, 1);
    double[] want = new double[2];
    for (int f32 = 0; f32 < 2; f32++) {
      // In float32, 1 - 1e-7 rounds to 1 - 2^-23 (as in Keras).
      double lo = f32 == 1 ? (float) 1e-7 : 1e-7;
      double hi = f32 == 1 ? (float) (1 - 1e-7) : 1 - 1e-7;
      double s = 0;
      for (int j = 0; j < 4; j++) {
        double q = Math.min(Math.max(saturated.values()[j], lo), hi);
        double z = targets.values()[j];
        s -= z * Math.log(q) + (1 - z) * Math.log(1 - q);
      }
      want[f32] = s / 4;
    }
    assertEquals(want[0], LossKit.call(new BinaryCrossentropy(), targets, saturated)[0], 1e-12);
    assertEquals(
        want[1],
        LossKit.call(new BinaryCrossentropy(), targets, saturated, TFloat32.class)[0],
        1e-5);
  }

  @Test
  void from_logits_with_label_smoothing() {
    LossKit.assertRows(
        BinaryCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).build(),
        BITS,
        LOGITS,
        reference(0.1, true));
  }

  @Test
  void from_logits_is_stable_for_large_logits() {
    double[] v =
        LossKit.call(
            BinaryCrossentropy.builder().fromLogits(true).build(),
            Data.of(Shape.of(1, 2), 1, 0),
            Data.of(Shape.of(1, 2), -200, 200));
    assertEquals(200, v[0], 1e-9);
  }

  @Test
  void rank_one_targets_match_predictions_of_width_one() {
    // Keras expands targets (batch,) to (batch, 1) before the loss: one loss per sample.
    Data targets = Data.of(Shape.of(4), 1, 0, 0, 1);
    Data preds = Data.of(Shape.of(4, 1), 0.9, 0.2, 0.6, 0.3);
    double[] v = LossKit.call(new BinaryCrossentropy(), targets, preds);
    double[] same =
        LossKit.call(new BinaryCrossentropy(), Data.of(Shape.of(4, 1), 1, 0, 0, 1), preds);
    assertEquals(4, v.length);
    for (int i = 0; i < 4; i++) assertEquals(same[i], v[i], 0.0);
  }

  @Test
  void gradients_match_finite_differences() {
    LossKit.assertGradient(new BinaryCrossentropy(), BITS, PROBS);
    LossKit.assertGradient(
        BinaryCrossentropy.builder().fromLogits(true).labelSmoothing(0.2).build(), BITS, LOGITS);
  }

  @Test
  void logit_gradient_at_zero_is_sigmoid_minus_target() {
    LossKit.assertGradient(
        BinaryCrossentropy.builder().fromLogits(true).build(),
        Data.of(Shape.of(2, 1), 1, 0),
        Data.of(Shape.of(2, 1), 0, 0));
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        BinaryCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).axis(1).build(),
        "BinaryCrossentropy",
        "name",
        "reduction",
        "from_logits",
        "label_smoothing",
        "axis");
  }
}

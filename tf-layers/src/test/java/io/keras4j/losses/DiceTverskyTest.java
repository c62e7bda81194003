package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.losses.LossKit.Data;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/** Keras' segmentation losses, against the values Keras documents and the formulas it computes. */
class DiceTverskyTest {

  // Keras' documented example: y_true and y_pred of shape (2, 2, 2, 1).
  private static final Data Y_TRUE = Data.of(Shape.of(2, 2, 2, 1), 1, 1, 0, 0, 1, 1, 0, 0);
  private static final Data Y_PRED = Data.of(Shape.of(2, 2, 2, 1), 0, 1, 0, 1, 0.4, 0, 0, 0.9);

  @Test
  void diceGivesKerasDocumentedValues() {
    assertArrayEquals(
        new double[] {0.5, 0.75757575},
        LossKit.call(Dice.builder().axis(List.of(1, 2, 3)).build(), Y_TRUE, Y_PRED),
        1e-6);
    assertArrayEquals(new double[] {0.6164384}, LossKit.call(new Dice(), Y_TRUE, Y_PRED), 1e-6);
  }

  /** With alpha = beta = 0.5 Tversky is the Dice loss over the whole batch. */
  @Test
  void tverskyWithHalvesIsDice() {
    assertArrayEquals(
        LossKit.call(new Dice(), Y_TRUE, Y_PRED),
        LossKit.call(new Tversky(), Y_TRUE, Y_PRED),
        1e-6);
  }

  @Test
  void tverskyWeighsItsTermsAsKerasDoes() {
    double[] t = Y_TRUE.values();
    double[] p = Y_PRED.values();
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (int i = 0; i < t.length; i++) {
      tp += t[i] * p[i];
      fp += (1 - p[i]) * t[i];
      fn += p[i] * (1 - t[i]);
    }
    double want = 1 - tp / (tp + 0.3 * fp + 0.7 * fn + 1e-7);
    assertArrayEquals(
        new double[] {want},
        LossKit.call(Tversky.builder().alpha(0.3).beta(0.7).build(), Y_TRUE, Y_PRED),
        1e-6);
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    Data probs = Data.uniform(50, Shape.of(2, 2, 2, 1), 0.05, 0.95);
    LossKit.assertGradient(Dice.builder().axis(List.of(1, 2, 3)).build(), Y_TRUE, probs);
    LossKit.assertGradient(Tversky.builder().alpha(0.3).beta(0.7).build(), Y_TRUE, probs);
  }

  @Test
  void configsRoundTripWithKerasKeys() {
    LossKit.assertRoundTrip(
        Dice.builder().axis(List.of(1, 2, 3)).build(), "Dice", "name", "reduction", "axis");
    LossKit.assertRoundTrip(new Dice(), "Dice", "name", "reduction", "axis");
    LossKit.assertRoundTrip(
        Tversky.builder().alpha(0.3).beta(0.7).build(),
        "Tversky",
        "name",
        "reduction",
        "alpha",
        "beta");
    assertEquals(
        "dice", ((LossFunction) Losses.get("dice")).function(), "Keras' dice function resolves");
  }
}

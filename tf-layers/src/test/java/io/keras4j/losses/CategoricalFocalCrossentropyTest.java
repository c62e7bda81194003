package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class CategoricalFocalCrossentropyTest {

  private static final Data ONE_HOT = Data.oneHot(43, 5, 4);
  private static final Data PROBS = Data.probabilities(44, Shape.of(5, 4));
  private static final Data LOGITS = Data.uniform(45, Shape.of(5, 4), -3, 3);

  /** Keras' formula: {@code sum((1 - q)^gamma alpha (-z log q))}, q renormalized and clipped. */
  private static LossKit.RowReference reference(
      double smoothing, boolean logits, double alpha, double gamma) {
    return (t, p) -> {
      int k = t.length;
      double[] q = new double[k];
      double sum = 0;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : p) max = Math.max(max, v);
      for (int j = 0; j < k; j++) {
        q[j] = logits ? Math.exp(p[j] - max) : p[j];
        sum += q[j];
      }
      double s = 0;
      for (int j = 0; j < k; j++) {
        double z = t[j] * (1 - smoothing) + smoothing / k;
        double c = Math.min(Math.max(q[j] / sum, 1e-7), 1 - 1e-7);
        s += Math.pow(1 - c, gamma) * alpha * (-z * Math.log(c));
      }
      return s;
    };
  }

  /** Keras' documented example: {@code [2.63401289e-04, 6.75912094e-01]}. */
  @Test
  void kerasDocumentedExample() {
    double[] got =
        LossKit.call(
            new CategoricalFocalCrossentropy(),
            Data.of(Shape.of(2, 3), 0, 1, 0, 0, 0, 1),
            Data.of(Shape.of(2, 3), 0.05, 0.9, 0.05, 0.1, 0.85, 0.05));
    assertArrayEquals(new double[] {2.63401289e-04, 6.75912094e-01}, got, 1e-6);
  }

  @Test
  void from_probabilities_with_keras_defaults() {
    LossKit.assertRows(
        new CategoricalFocalCrossentropy(), ONE_HOT, PROBS, reference(0, false, 0.25, 2));
  }

  @Test
  void from_logits_smoothed() {
    LossKit.assertRows(
        CategoricalFocalCrossentropy.builder()
            .fromLogits(true)
            .labelSmoothing(0.1)
            .alpha(0.5)
            .gamma(1.5)
            .build(),
        ONE_HOT,
        LOGITS,
        reference(0.1, true, 0.5, 1.5));
  }

  @Test
  void gamma_zero_is_alpha_times_the_categorical_crossentropy() {
    double[] focal =
        LossKit.call(
            CategoricalFocalCrossentropy.builder().gamma(0).alpha(1).build(), ONE_HOT, PROBS);
    double[] cce = LossKit.call(new CategoricalCrossentropy(), ONE_HOT, PROBS);
    assertArrayEquals(cce, focal, 1e-6);
  }

  @Test
  void gradient_matches_finite_differences() {
    LossKit.assertGradient(
        CategoricalFocalCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).build(),
        ONE_HOT,
        LOGITS);
  }

  @Test
  void config_round_trips_with_keras_keys_and_the_function_resolves() {
    LossKit.assertRoundTrip(
        CategoricalFocalCrossentropy.builder().gamma(3).alpha(0.5).fromLogits(true).build(),
        "CategoricalFocalCrossentropy",
        "name",
        "reduction",
        "from_logits",
        "label_smoothing",
        "axis",
        "alpha",
        "gamma");
    assertEquals(
        "categorical_focal_crossentropy",
        ((LossFunction) Losses.get("categorical_focal_crossentropy")).function());
    assertEquals(
        "categorical_focal_crossentropy",
        ((CategoricalFocalCrossentropy) Losses.get("CategoricalFocalCrossentropy")).name());
  }
}

package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class CategoricalCrossentropyTest {

  private static final Data ONE_HOT = Data.oneHot(33, 5, 4);
  private static final Data PROBS = Data.probabilities(34, Shape.of(5, 4));
  private static final Data LOGITS = Data.uniform(35, Shape.of(5, 4), -3, 3);

  /** {@code -sum(z log q)} with Keras' smoothing, and q from softmax or clipped normalization. */
  private static LossKit.RowReference reference(double smoothing, boolean logits) {
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
        double logQ =
            logits
                ? p[j] - max - Math.log(sum)
                : Math.log(Math.min(Math.max(q[j] / sum, 1e-7), 1 - 1e-7));
        s -= z * logQ;
      }
      return s;
    };
  }

  @Test
  void from_probabilities() {
    LossKit.assertRows(new CategoricalCrossentropy(), ONE_HOT, PROBS, reference(0, false));
  }

  @Test
  void from_unnormalized_probabilities_renormalizes_then_clips() {
    Data raw = Data.of(Shape.of(2, 3), 2, 1, 1, 0, 3, 0);
    LossKit.assertRows(
        new CategoricalCrossentropy(),
        Data.of(Shape.of(2, 3), 1, 0, 0, 1, 0, 0),
        raw,
        reference(0, false));
  }

  @Test
  void from_logits_with_label_smoothing() {
    LossKit.assertRows(
        CategoricalCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).build(),
        ONE_HOT,
        LOGITS,
        reference(0.1, true));
  }

  @Test
  void axis_one_of_a_rank_three_input_is_the_last_axis_of_its_transpose() {
    // (2, 3, 4) with classes on axis 1 against (2, 4, 3) with classes last.
    Data logits = Data.uniform(36, Shape.of(2, 3, 4), -2, 2);
    Data probs = Data.probabilities(37, Shape.of(2, 4, 3));
    for (boolean fromLogits : new boolean[] {true, false}) {
      Data x = fromLogits ? logits : swapLastTwo(probs);
      Data z = swapLastTwo(Data.probabilities(38, Shape.of(2, 4, 3)));
      CategoricalCrossentropy onAxis1 =
          CategoricalCrossentropy.builder().fromLogits(fromLogits).axis(1).build();
      CategoricalCrossentropy onLast =
          CategoricalCrossentropy.builder().fromLogits(fromLogits).build();
      double[] got = LossKit.call(onAxis1, z, x);
      double[] want = LossKit.call(onLast, swapLastTwo(z), swapLastTwo(x));
      assertEquals(8, got.length);
      for (int i = 0; i < got.length; i++)
        assertEquals(want[i], got[i], 1e-12, "fromLogits=" + fromLogits);
    }
  }

  /**
   * Keras counts the classes of label smoothing on the targets' last axis, whatever {@code axis}
   * is: with classes on axis 1 of (2, 3, 4), targets move towards 1/4, not 1/3.
   */
  @Test
  void label_smoothing_counts_the_classes_on_the_last_axis_as_keras_does() {
    Data x = Data.uniform(40, Shape.of(2, 3, 4), -2, 2);
    Data z = swapLastTwo(Data.probabilities(41, Shape.of(2, 4, 3)));
    double[] smoothed = z.values().clone();
    for (int i = 0; i < smoothed.length; i++) smoothed[i] = smoothed[i] * 0.8 + 0.2 / 4;
    double[] got =
        LossKit.call(
            CategoricalCrossentropy.builder().fromLogits(true).labelSmoothing(0.2).axis(1).build(),
            z,
            x);
    double[] want =
        LossKit.call(
            CategoricalCrossentropy.builder().fromLogits(true).axis(1).build(),
            Data.of(z.shape(), smoothed),
            x);
    assertArrayEquals(want, got, 1e-12);
  }

  /** Transposes the last two axes of a rank-3 tensor. */
  static Data swapLastTwo(Data d) {
    long[] s = d.shape().asArray();
    int a = (int) s[0];
    int b = (int) s[1];
    int c = (int) s[2];
    double[] v = new double[a * b * c];
    for (int i = 0; i < a; i++)
      for (int j = 0; j < b; j++)
        for (int k = 0; k < c; k++) v[(i * c + k) * b + j] = d.values()[(i * b + j) * c + k];
    return Data.of(Shape.of(a, c, b), v);
  }

  @Test
  void gradients_match_finite_differences() {
    LossKit.assertGradient(new CategoricalCrossentropy(), ONE_HOT, PROBS);
    LossKit.assertGradient(
        CategoricalCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).build(),
        ONE_HOT,
        LOGITS);
    LossKit.assertGradient(
        CategoricalCrossentropy.builder().fromLogits(true).axis(1).build(),
        swapLastTwo(Data.probabilities(39, Shape.of(2, 4, 3))),
        Data.uniform(40, Shape.of(2, 3, 4), -2, 2));
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        CategoricalCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).build(),
        "CategoricalCrossentropy",
        "name",
        "reduction",
        "from_logits",
        "label_smoothing",
        "axis");
  }
}

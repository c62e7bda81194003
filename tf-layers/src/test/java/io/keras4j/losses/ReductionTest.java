package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.losses.LossKit.Data;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat64;

class ReductionTest {

  private static final Data VALUES = Data.of(Shape.of(4), 1.5, -2, 0.25, 4);
  private static final Data WEIGHTS = Data.of(Shape.of(4), 0.5, 2, 0, 1);

  private static double[] reduce(Data values, @Nullable Data weights, @Nullable String reduction) {
    return LossKit.eager(
        tf ->
            Reduction.reduceWeightedValues(
                tf,
                values.constant(tf, TFloat64.class),
                weights == null ? null : weights.constant(tf, TFloat64.class),
                null,
                reduction));
  }

  private static double weightedSum() {
    double s = 0;
    for (int i = 0; i < 4; i++) s += VALUES.values()[i] * WEIGHTS.values()[i];
    return s;
  }

  @Test
  void sum_over_batch_size_and_mean_divide_by_the_number_of_elements() {
    assertEquals(weightedSum() / 4, reduce(VALUES, WEIGHTS, "sum_over_batch_size")[0], 1e-15);
    assertEquals(weightedSum() / 4, reduce(VALUES, WEIGHTS, "mean")[0], 1e-15);
    assertEquals((1.5 - 2 + 0.25 + 4) / 4, reduce(VALUES, null, "sum_over_batch_size")[0], 1e-15);
  }

  @Test
  void sum_adds_the_weighted_values() {
    assertEquals(weightedSum(), reduce(VALUES, WEIGHTS, "sum")[0], 1e-15);
  }

  @Test
  void mean_with_sample_weight_divides_by_the_sum_of_weights() {
    assertEquals(weightedSum() / 3.5, reduce(VALUES, WEIGHTS, "mean_with_sample_weight")[0], 1e-15);
    // Without weights it counts elements, and all-zero weights give 0 rather than NaN.
    assertEquals(
        (1.5 - 2 + 0.25 + 4) / 4, reduce(VALUES, null, "mean_with_sample_weight")[0], 1e-15);
    Data zeros = Data.of(Shape.of(4), 0, 0, 0, 0);
    assertEquals(0, reduce(VALUES, zeros, "mean_with_sample_weight")[0], 0.0);
  }

  @Test
  void none_and_null_return_the_weighted_values() {
    double[] want = new double[4];
    for (int i = 0; i < 4; i++) want[i] = VALUES.values()[i] * WEIGHTS.values()[i];
    assertArrayEquals(want, reduce(VALUES, WEIGHTS, "none"), 1e-15);
    assertArrayEquals(want, reduce(VALUES, WEIGHTS, null), 1e-15);
  }

  @Test
  void weights_ending_in_one_are_squeezed_to_the_values() {
    Data column = Data.of(Shape.of(4, 1), WEIGHTS.values());
    assertArrayEquals(reduce(VALUES, WEIGHTS, "none"), reduce(VALUES, column, "none"), 0.0);
  }

  @Test
  void per_sample_weights_broadcast_over_values_ending_in_one() {
    Data values = Data.of(Shape.of(4, 1), VALUES.values());
    assertEquals(weightedSum() / 4, reduce(values, WEIGHTS, "sum_over_batch_size")[0], 1e-15);
  }

  @Test
  void a_scalar_weight_scales_every_value() {
    Data two = Data.of(Shape.scalar(), 2);
    assertEquals(2 * (1.5 - 2 + 0.25 + 4), reduce(VALUES, two, "sum")[0], 1e-15);
  }

  @Test
  void scalar_values_are_not_reduced() {
    assertEquals(3, reduce(Data.of(Shape.scalar(), 1.5), Data.of(Shape.scalar(), 2), "sum")[0]);
  }

  @Test
  void a_mask_averages_over_the_kept_values() {
    boolean[] keep = {true, false, true, true};
    double[] got =
        LossKit.eager(
            tf ->
                Reduction.reduceWeightedValues(
                    tf,
                    VALUES.constant(tf, TFloat64.class),
                    WEIGHTS.constant(tf, TFloat64.class),
                    tf.constant(Shape.of(4), DataBuffers.of(keep)),
                    "sum_over_batch_size"));
    double s = 0;
    for (int i = 0; i < 4; i++) if (keep[i]) s += VALUES.values()[i] * WEIGHTS.values()[i];
    assertEquals(s / 3, got[0], 1e-15);
  }

  @Test
  void unknown_reductions_are_refused_in_keras_words() {
    var e = assertThrows(IllegalArgumentException.class, () -> Reduction.validate("auto"));
    assertTrue(e.getMessage().contains("reduction=auto"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> MeanSquaredError.builder().reduction("avg").build());
  }
}

package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class VarianceScalingTest {

  // fan_in = 40, fan_out = 100: the three modes give three different variances.
  private static final Shape SHAPE = Shape.of(40, 100);

  private static VarianceScaling.Builder seeded(String mode, String distribution) {
    return VarianceScaling.builder().seed(11L).scale(2.0).mode(mode).distribution(distribution);
  }

  @Test
  void untruncated_normal_has_variance_scale_over_fan_of_each_mode() {
    Sample.of(seeded("fan_in", "untruncated_normal").build(), SHAPE, TFloat32.class)
        .assertMoments(0, 2.0 / 40);
    Sample.of(seeded("fan_out", "untruncated_normal").build(), SHAPE, TFloat32.class)
        .assertMoments(0, 2.0 / 100);
    Sample.of(seeded("fan_avg", "untruncated_normal").build(), SHAPE, TFloat32.class)
        .assertMoments(0, 2.0 / 70);
  }

  @Test
  void truncated_normal_is_corrected_to_keep_the_variance() {
    // Keras parity: stddev sqrt(scale / n) / 0.8796... before truncation, sqrt(scale / n) after.
    Sample s = Sample.of(seeded("fan_in", "truncated_normal").build(), SHAPE, TFloat64.class);
    s.assertTruncatedNormal(0, Math.sqrt(2.0 / 40) / 0.87962566103423978);
  }

  @Test
  void uniform_has_limit_sqrt_three_scale_over_fan() {
    double limit = Math.sqrt(3 * 2.0 / 100);
    Sample.of(seeded("fan_out", "uniform").build(), SHAPE, TFloat32.class)
        .assertUniform(-limit, limit);
  }

  @Test
  void fans_are_at_least_one() {
    // A scalar weight has fans 1: the scale is divided by max(1, n), never by 0.
    Sample s =
        Sample.of(seeded("fan_in", "uniform").scale(1.0).build(), Shape.scalar(), TFloat32.class);
    assertTrue(s.maxAbs() <= Math.sqrt(3.0));
  }

  @Test
  void defaults_are_keras_defaults() {
    VarianceScaling v = new VarianceScaling();
    assertEquals(VarianceScaling.builder().build(), v);
    assertEquals(1.0, v.scale());
    assertEquals("fan_in", v.mode());
    assertEquals("truncated_normal", v.distribution());
  }

  @Test
  void keras2_normal_distribution_reads_as_truncated_normal() {
    assertEquals("truncated_normal", seeded("fan_in", "Normal").build().distribution());
  }

  @Test
  void invalid_arguments_fail_in_keras_words() {
    var e1 =
        assertThrows(
            IllegalArgumentException.class, () -> seeded("fan_in", "uniform").scale(0).build());
    assertTrue(e1.getMessage().contains("scale=0.0"), e1.getMessage());
    var e2 =
        assertThrows(IllegalArgumentException.class, () -> seeded("fan_sum", "uniform").build());
    assertTrue(e2.getMessage().contains("fan_sum"), e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class, () -> seeded("fan_in", "cauchy").build());
    assertTrue(e3.getMessage().contains("cauchy"), e3.getMessage());
  }

  @Test
  void integer_dtype_is_refused() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sample.of(seeded("fan_in", "uniform").build(), SHAPE, TInt32.class));
    assertTrue(e.getMessage().contains("int32"), e.getMessage());
  }

  @Test
  void axes_lists_are_copied() {
    List<Integer> axes = new java.util.ArrayList<>(List.of(0));
    VarianceScaling v = VarianceScaling.builder().inputAxes(axes).outputAxes(List.of(1)).build();
    axes.add(1);
    assertEquals(List.of(0), v.inputAxes());
  }
}

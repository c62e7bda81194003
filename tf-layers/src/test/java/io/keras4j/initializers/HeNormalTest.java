package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class HeNormalTest {

  // A 3x3 convolution kernel from 16 to 32 channels: Keras' fans count the receptive field.
  private static final Shape KERNEL = Shape.of(3, 3, 16, 32);
  private static final double FAN_IN = 16 * 9;
  private static final double FAN_OUT = 32 * 9;

  @Test
  void conv_kernel_has_keras_fans() {
    // stddev after truncation = sqrt(2 / fan_in)
    double stddev = Math.sqrt(2 / FAN_IN);
    Sample.of(new HeNormal(1L), KERNEL, TFloat32.class)
        .assertTruncatedNormal(0, stddev / 0.87962566103423978);
  }

  @Test
  void float64_draws_the_same_distribution() {
    double stddev = Math.sqrt(2 / FAN_IN);
    Sample.of(new HeNormal(2L), KERNEL, TFloat64.class)
        .assertTruncatedNormal(0, stddev / 0.87962566103423978);
  }

  @Test
  void a_seed_gives_the_same_values_and_no_seed_fresh_ones() {
    Shape shape = Shape.of(20, 30);
    double[] a = Sample.of(new HeNormal(7L), shape, TFloat32.class).values();
    assertArrayEquals(a, Sample.of(new HeNormal(7L), shape, TFloat32.class).values());
    assertFalse(Arrays.equals(a, Sample.of(new HeNormal(8L), shape, TFloat32.class).values()));
    double[] fresh = Sample.of(new HeNormal(), shape, TFloat32.class).values();
    assertFalse(Arrays.equals(fresh, Sample.of(new HeNormal(), shape, TFloat32.class).values()));
  }

  @Test
  void explicit_axes_override_the_fans() {
    // Fans of a (64, 2, 8) weight read as in = 64 * 2 and out = 8 instead of 128 and 16.
    HeNormal init = new HeNormal(3L, List.of(0, 1), List.of(2));
    VarianceScaling vs = init.asVarianceScaling();
    assertEquals(new Fans(128, 8), Fans.of(Shape.of(64, 2, 8), vs.inputAxes(), vs.outputAxes()));
    Sample.of(init, Shape.of(64, 2, 8), TFloat32.class);
  }
}

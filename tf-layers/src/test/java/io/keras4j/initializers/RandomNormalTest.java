package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class RandomNormalTest {

  private static final Shape SHAPE = Shape.of(50, 80);

  @Test
  void draws_with_the_given_mean_and_stddev() {
    RandomNormal init = RandomNormal.builder().mean(1.5).stddev(0.3).seed(5L).build();
    Sample.of(init, SHAPE, TFloat32.class).assertMoments(1.5, 0.3 * 0.3);
    Sample.of(init, SHAPE, TFloat64.class).assertMoments(1.5, 0.3 * 0.3);
  }

  @Test
  void is_not_truncated() {
    // 4000 standard normal draws go beyond 2σ about 180 times; a truncated draw never does.
    Sample s =
        Sample.of(RandomNormal.builder().stddev(1.0).seed(6L).build(), SHAPE, TFloat32.class);
    assertFalse(s.maxAbs() <= 2.0);
  }

  @Test
  void a_seed_gives_the_same_values_and_no_seed_fresh_ones() {
    RandomNormal seeded = RandomNormal.builder().seed(9L).build();
    double[] a = Sample.of(seeded, SHAPE, TFloat32.class).values();
    assertArrayEquals(a, Sample.of(seeded, SHAPE, TFloat32.class).values());
    assertFalse(
        Arrays.equals(
            Sample.of(new RandomNormal(), SHAPE, TFloat32.class).values(),
            Sample.of(new RandomNormal(), SHAPE, TFloat32.class).values()));
  }

  @Test
  void defaults_are_keras_defaults() {
    assertEquals(new RandomNormal(null, 0.0, 0.05), new RandomNormal());
    Sample.of(new RandomNormal(), SHAPE, TFloat32.class).assertMoments(0, 0.05 * 0.05);
  }
}

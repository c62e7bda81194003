package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class RandomUniformTest {

  private static final Shape SHAPE = Shape.of(50, 80);

  @Test
  void draws_in_the_given_interval() {
    RandomUniform init = RandomUniform.builder().minval(2.0).maxval(5.0).seed(1L).build();
    Sample.of(init, SHAPE, TFloat32.class).assertUniform(2.0, 5.0);
    Sample.of(init, SHAPE, TFloat64.class).assertUniform(2.0, 5.0);
  }

  @Test
  void a_seed_gives_the_same_values_and_no_seed_fresh_ones() {
    RandomUniform seeded = RandomUniform.builder().seed(2L).build();
    double[] a = Sample.of(seeded, SHAPE, TFloat32.class).values();
    assertArrayEquals(a, Sample.of(seeded, SHAPE, TFloat32.class).values());
    assertFalse(
        Arrays.equals(
            Sample.of(new RandomUniform(), SHAPE, TFloat32.class).values(),
            Sample.of(new RandomUniform(), SHAPE, TFloat32.class).values()));
  }

  @Test
  void defaults_are_keras_defaults() {
    assertEquals(new RandomUniform(null, -0.05, 0.05), new RandomUniform());
    Sample.of(new RandomUniform(), SHAPE, TFloat32.class).assertUniform(-0.05, 0.05);
  }
}

package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class TruncatedNormalTest {

  private static final Shape SHAPE = Shape.of(50, 80);

  @Test
  void stddev_is_before_truncation_as_in_keras() {
    // Keras parity: values lie within mean ± 2 stddev, with standard deviation 0.8796 stddev.
    TruncatedNormal init = TruncatedNormal.builder().mean(-1.0).stddev(0.5).seed(3L).build();
    Sample.of(init, SHAPE, TFloat32.class).assertTruncatedNormal(-1.0, 0.5);
    Sample.of(init, SHAPE, TFloat64.class).assertTruncatedNormal(-1.0, 0.5);
  }

  @Test
  void a_seed_gives_the_same_values() {
    TruncatedNormal seeded = TruncatedNormal.builder().seed(4L).build();
    assertArrayEquals(
        Sample.of(seeded, SHAPE, TFloat32.class).values(),
        Sample.of(seeded, SHAPE, TFloat32.class).values());
  }

  @Test
  void defaults_are_keras_defaults() {
    assertEquals(new TruncatedNormal(null, 0.0, 0.05), new TruncatedNormal());
  }
}

package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class ConstantTest {

  @Test
  void every_value_is_the_constant_in_the_dtype() {
    for (double v : Sample.of(new Constant(0.25), Shape.of(3, 4), TFloat32.class).values()) {
      assertEquals(0.25, v);
    }
    for (double v : Sample.of(new Constant(0.1), Shape.of(2), TFloat64.class).values()) {
      assertEquals(0.1, v);
    }
    // Keras parity: the value is cast to the dtype, so 0.1 in float32 is 0.1f.
    for (double v : Sample.of(new Constant(0.1), Shape.of(2), TFloat32.class).values()) {
      assertEquals((double) 0.1f, v);
    }
    for (double v : Sample.of(new Constant(7), Shape.of(2, 2), TInt32.class).values()) {
      assertEquals(7.0, v);
    }
  }

  @Test
  void default_is_zero() {
    assertEquals(new Constant(0.0), new Constant());
  }
}

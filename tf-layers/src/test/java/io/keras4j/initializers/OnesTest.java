package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class OnesTest {

  @Test
  void all_ones_in_any_numeric_dtype() {
    for (var dtype : java.util.List.of(TFloat32.class, TFloat64.class, TInt32.class)) {
      for (double v : Sample.of(new Ones(), Shape.of(2, 3, 4), dtype).values()) {
        assertEquals(1.0, v);
      }
    }
  }
}

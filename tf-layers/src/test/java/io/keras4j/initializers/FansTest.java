package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class FansTest {

  @Test
  void scalar_vector_matrix_and_kernels() {
    assertEquals(new Fans(1, 1), Fans.of(Shape.scalar(), null, null));
    assertEquals(new Fans(5, 5), Fans.of(Shape.of(5), null, null));
    assertEquals(new Fans(5, 7), Fans.of(Shape.of(5, 7), null, null));
    // Conv1D (k, in, out), Conv2D (kh, kw, in, out), Conv3D (kd, kh, kw, in, out).
    assertEquals(new Fans(3 * 4, 3 * 6), Fans.of(Shape.of(3, 4, 6), null, null));
    assertEquals(new Fans(3 * 3 * 16, 3 * 3 * 32), Fans.of(Shape.of(3, 3, 16, 32), null, null));
    assertEquals(
        new Fans(2 * 3 * 4 * 5, 2 * 3 * 4 * 6), Fans.of(Shape.of(2, 3, 4, 5, 6), null, null));
  }

  @Test
  void explicit_axes_need_both_lists() {
    Shape s = Shape.of(4, 5, 6);
    assertEquals(new Fans(4 * 5, 6), Fans.of(s, List.of(0, 1), List.of(2)));
    assertEquals(new Fans(4, 5 * 6), Fans.of(s, List.of(0), List.of(-2, -1)));
    // Keras parity: one list alone is ignored.
    assertEquals(Fans.of(s, null, null), Fans.of(s, List.of(0), null));
    assertThrows(IllegalArgumentException.class, () -> Fans.of(s, List.of(3), List.of(0)));
  }
}

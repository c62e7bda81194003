package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class IdentityTest {

  private static void assertEye(double[] w, int rows, int cols, double gain) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        assertEquals(i == j ? gain : 0.0, w[i * cols + j], "entry (" + i + ", " + j + ")");
      }
    }
  }

  @Test
  void square_and_rectangular_identity() {
    assertEye(Sample.of(new Identity(), Shape.of(4, 4), TFloat32.class).values(), 4, 4, 1.0);
    assertEye(Sample.of(new Identity(), Shape.of(2, 5), TFloat64.class).values(), 2, 5, 1.0);
    assertEye(Sample.of(new Identity(), Shape.of(5, 2), TInt32.class).values(), 5, 2, 1.0);
  }

  @Test
  void gain_multiplies_the_identity() {
    assertEye(Sample.of(new Identity(3.0), Shape.of(3, 3), TFloat32.class).values(), 3, 3, 3.0);
  }

  @Test
  void only_matrices() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Sample.of(new Identity(), Shape.of(2, 2, 2), TFloat32.class));
  }

  @Test
  void config_is_empty_as_keras_writes_it_unless_the_gain_is_not_one() throws Exception {
    var writer =
        KerasJson.mapper().writer().withAttribute(KerasRegistry.class, KerasRegistry.builtins());
    JsonNode plain = KerasJson.mapper().readTree(writer.writeValueAsString(new Identity()));
    assertEquals(0, plain.get("config").size(), plain.toString());
    JsonNode scaled = KerasJson.mapper().readTree(writer.writeValueAsString(new Identity(2.0)));
    assertEquals(2.0, scaled.get("config").get("gain").doubleValue(), scaled.toString());
  }
}

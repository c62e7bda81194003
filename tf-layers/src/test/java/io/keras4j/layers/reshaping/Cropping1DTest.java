package io.keras4j.layers.reshaping;

import static io.keras4j.layers.reshaping.ReshapingChecks.floats;
import static io.keras4j.layers.reshaping.ReshapingChecks.offset;
import static io.keras4j.layers.reshaping.ReshapingChecks.randomFloats;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.predict;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.core.Input;
import io.keras4j.serialization.KerasJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class Cropping1DTest {

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 5, 3)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Cropping1D(Cropping1DConfig.of(1, 2)), spec(TFloat32.class, 8, 3))
                .get(0)
                .shape()));
    assertEquals(
        "(None, None, 3)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Cropping1D(Cropping1DConfig.of(2, 0)),
                    spec(TInt32.class, Shape.UNKNOWN_SIZE, 3))
                .get(0)
                .shape()));
  }

  @Test
  void configRoundTrip() throws Exception {
    assertConfigRoundTrip(new Cropping1D(Cropping1DConfig.of(0, 3)));
    assertEquals(List.of(1, 1), Cropping1DConfig.defaults().cropping());
    // Keras parity: one int means both ends, and Keras writes the pair.
    assertEquals(
        Cropping1DConfig.of(2, 2),
        KerasJson.mapper().readValue("{\"cropping\": 2}", Cropping1DConfig.class));
    ReshapingChecks.assertReadsAndWritesKerasConfigs("Cropping1D");
  }

  @Test
  void keepsExactlyTheMiddleSteps() {
    try (TFloat32 x = randomFloats(8, 2, 8, 3);
        Result y = predict(new Cropping1D(Cropping1DConfig.of(1, 2)), x)) {
      Shape out = y.get(0).shape();
      assertEquals(Shape.of(2, 5, 3), out);
      float[] in = floats(x);
      float[] got = floats(y.get(0));
      for (int b = 0; b < 2; b++) {
        for (int t = 0; t < 5; t++) {
          for (int f = 0; f < 3; f++) {
            assertEquals(in[offset(x.shape(), b, t + 1, f)], got[offset(out, b, t, f)]);
          }
        }
      }
    }
  }

  @Test
  void undoesZeroPadding() {
    try (TFloat32 x = randomFloats(9, 3, 4, 2);
        Result padded = predict(new ZeroPadding1D(ZeroPadding1DConfig.of(3, 0)), x);
        Result y = predict(new Cropping1D(Cropping1DConfig.of(3, 0)), padded.get(0))) {
      assertArrayEquals(floats(x), floats(y.get(0)));
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(
        new Cropping1D(Cropping1DConfig.of(1, 2)), spec(TFloat32.class, 8, 3));
  }

  @Test
  void rejectsWhatKerasRejects() {
    assertThrows(IllegalArgumentException.class, () -> Cropping1DConfig.of(-1, 0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Cropping1D(Cropping1DConfig.of(2, 2))
                    .computeOutputShape(Shape.of(Shape.UNKNOWN_SIZE, 4, 3)));
    assertTrue(e.getMessage().contains("cropping=[[2, 2]]"), e.getMessage());
  }

  @Test
  void javadocExample() {
    Cropping1D crop = new Cropping1D(Cropping1DConfig.of(1, 2));
    KerasTensor y = crop.apply(Input.of(8, 3)); // (None, 5, 3)
    assertEquals("(None, 5, 3)", Shapes.toKeras(y.shape()));
  }

  @Test
  void missingKeysGetKerasDefaults() throws Exception {
    assertEquals(
        Cropping1DConfig.defaults(), KerasJson.mapper().readValue("{}", Cropping1DConfig.class));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 6, 3)) {
      assertGradientsMatchFiniteDifferences(new Cropping1D(Cropping1DConfig.of(1, 2), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 6, 3)) {
      assertTrainingStepLowersLoss(new Cropping1D(Cropping1DConfig.of(1, 2)), x);
    }
  }
}

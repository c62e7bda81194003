package io.keras4j.layers.merging;

import static io.keras4j.layers.merging.MergingChecks.floats;
import static io.keras4j.layers.merging.MergingChecks.randomFloats;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.predict;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.core.Input;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class SubtractTest {

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 5)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Subtract(), spec(TFloat32.class, 5), spec(TFloat32.class, 5))
                .get(0)
                .shape()));
    assertEquals(
        "(None, 2, 5)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Subtract(), spec(TFloat32.class, 5), spec(TFloat32.class, 2, 1))
                .get(0)
                .shape()));
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Subtract());
    MergingChecks.assertReadsAndWritesKerasConfigs("Subtract");
  }

  @Test
  void swappingTheInputsNegatesTheResult() {
    try (TFloat32 a = randomFloats(10, 3, 5);
        TFloat32 b = randomFloats(11, 3, 5);
        Result ab = predict(new Subtract(), a, b);
        Result ba = predict(new Subtract(), b, a);
        Result aa = predict(new Subtract(), a, a)) {
      float[] forward = floats(ab.get(0));
      float[] backward = floats(ba.get(0));
      for (int i = 0; i < forward.length; i++) assertEquals(forward[i], -backward[i]);
      for (float v : floats(aa.get(0))) assertEquals(0f, v);
    }
  }

  @Test
  void differentiable() {
    MergingChecks.assertDifferentiable(
        new Subtract(), spec(TFloat32.class, 5), spec(TFloat32.class, 5));
  }

  @Test
  void needsExactlyTwoInputs() {
    Shape s = Shape.of(Shape.UNKNOWN_SIZE, 5);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Subtract().computeOutputShape(List.of(s, s, s)));
    assertTrue(e.getMessage().contains("exactly 2 inputs"), e.getMessage());
  }

  @Test
  void javadocExample() {
    KerasTensor a = Input.of(5);
    KerasTensor b = Input.of(5);
    KerasTensor difference = new Subtract().apply(List.of(a, b)); // (None, 5)
    assertEquals("(None, 5)", Shapes.toKeras(difference.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 a = gaussian(TFloat64.class, 1, 3, 4);
        TFloat64 b = gaussian(TFloat64.class, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(new Subtract(new SubtractConfig(), FLOAT64), a, b);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 a = gaussian(TFloat32.class, 3, 3, 4);
        TFloat32 b = gaussian(TFloat32.class, 4, 3, 4)) {
      assertTrainingStepLowersLoss(new Subtract(), a, b);
    }
  }
}

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
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class PermuteTest {

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 4, 3)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Permute(PermuteConfig.of(2, 1)), spec(TFloat32.class, 3, 4))
                .get(0)
                .shape()));
    assertEquals(
        "(None, 2, None, 5)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Permute(PermuteConfig.of(3, 1, 2)),
                    spec(TInt32.class, Shape.UNKNOWN_SIZE, 5, 2))
                .get(0)
                .shape()));
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Permute(PermuteConfig.of(3, 1, 2)));
    ReshapingChecks.assertReadsAndWritesKerasConfigs("Permute");
  }

  @Test
  void movesEachValueToItsPermutedIndex() {
    try (TFloat32 x = randomFloats(5, 2, 3, 4);
        Result y = predict(new Permute(PermuteConfig.of(2, 1)), x)) {
      Shape out = y.get(0).shape();
      assertEquals(Shape.of(2, 4, 3), out);
      float[] in = floats(x);
      float[] got = floats(y.get(0));
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 4; j++) {
            assertEquals(in[offset(x.shape(), b, i, j)], got[offset(out, b, j, i)]);
          }
        }
      }
    }
  }

  @Test
  void permutationThenItsInverseGivesTheInputBack() {
    try (TFloat32 x = randomFloats(6, 2, 3, 4, 5);
        Result once = predict(new Permute(PermuteConfig.of(3, 1, 2)), x);
        Result back = predict(new Permute(PermuteConfig.of(2, 3, 1)), once.get(0))) {
      assertEquals(x.shape(), back.get(0).shape());
      assertArrayEquals(floats(x), floats(back.get(0)));
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(
        new Permute(PermuteConfig.of(2, 1)), spec(TFloat32.class, 3, 4));
  }

  @Test
  void rejectsWhatKerasRejects() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PermuteConfig.of(1, 3));
    assertTrue(e.getMessage().contains("dims=[1, 3]"), e.getMessage());
    IllegalArgumentException rank =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Permute(PermuteConfig.of(2, 1))
                    .computeOutputShape(Shape.of(Shape.UNKNOWN_SIZE, 2, 3, 4)));
    assertTrue(rank.getMessage().contains("expected ndim=3, found ndim=4"), rank.getMessage());
  }

  @Test
  void javadocExample() {
    Permute permute = new Permute(PermuteConfig.of(2, 1));
    KerasTensor y = permute.apply(Input.of(3, 4)); // (None, 4, 3)
    assertEquals("(None, 4, 3)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4, 5)) {
      assertGradientsMatchFiniteDifferences(new Permute(PermuteConfig.of(3, 1, 2), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4, 5)) {
      assertTrainingStepLowersLoss(new Permute(PermuteConfig.of(3, 1, 2)), x);
    }
  }
}

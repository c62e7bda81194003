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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Input;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class AverageTest {

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 5)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Average(), spec(TFloat32.class, 5), spec(TFloat32.class, 5))
                .get(0)
                .shape()));
    // Keras parity: the average of integers is a true division, in the compute dtype.
    TensorSpec ints =
        assertOutputSpecMatchesGraph(new Average(), spec(TInt32.class, 2, 5), spec(TInt32.class, 5))
            .get(0);
    assertEquals("(None, 2, 5)", Shapes.toKeras(ints.shape()));
    assertEquals(TFloat32.class, ints.dtype());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Average());
    MergingChecks.assertReadsAndWritesKerasConfigs("Average");
  }

  @Test
  void averageIsHalfTheSumAndTheAverageOfXAndXIsX() {
    try (TFloat32 a = randomFloats(16, 3, 5);
        TFloat32 b = randomFloats(17, 3, 5);
        Result mean = predict(new Average(), a, b);
        Result sum = predict(new Add(), a, b);
        Result self = predict(new Average(), a, a)) {
      float[] halves = floats(sum.get(0));
      for (int i = 0; i < halves.length; i++) halves[i] /= 2; // exact in binary floating point
      assertArrayEquals(halves, floats(mean.get(0)));
      assertArrayEquals(floats(a), floats(self.get(0)));
    }
  }

  @Test
  void differentiable() {
    MergingChecks.assertDifferentiable(
        new Average(), spec(TFloat32.class, 5), spec(TFloat32.class, 5), spec(TFloat32.class, 5));
  }

  @Test
  void javadocExample() {
    KerasTensor a = Input.of(5);
    KerasTensor b = Input.of(5);
    KerasTensor mean = new Average().apply(List.of(a, b)); // (None, 5)
    assertEquals("(None, 5)", Shapes.toKeras(mean.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 a = gaussian(TFloat64.class, 1, 3, 4);
        TFloat64 b = gaussian(TFloat64.class, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(new Average(new AverageConfig(), FLOAT64), a, b);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 a = gaussian(TFloat32.class, 3, 3, 4);
        TFloat32 b = gaussian(TFloat32.class, 4, 3, 4)) {
      assertTrainingStepLowersLoss(new Average(), a, b);
    }
  }
}

package io.keras4j.layers.activations;

import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.assertWeights;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.predict;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.serialization.KerasJson;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class ReLUTest {

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    ReLU relu = new ReLU(ReLUConfig.builder().build());
    assertOutputSpecMatchesGraph(relu, spec(TFloat32.class, 9));
    assertOutputSpecMatchesGraph(relu, spec(TFloat32.class, 4, 5));
    assertWeights(relu);
    assertTrue(relu.supportsMasking());
  }

  @Test
  void everyBranchBuilds() {
    for (ReLUConfig c :
        new ReLUConfig[] {
          ReLUConfig.builder().maxValue(6.0).build(),
          ReLUConfig.builder().negativeSlope(0.1).build(),
          ReLUConfig.builder().maxValue(1.5).negativeSlope(0.1).threshold(0.2).build(),
          ReLUConfig.builder().threshold(0.5).build()
        }) {
      assertOutputSpecMatchesGraph(new ReLU(c), spec(TFloat32.class, 3));
    }
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(
        new ReLU(ReLUConfig.builder().maxValue(1.5).negativeSlope(0.1).threshold(0.2).build()));
    assertConfigRoundTrip(new ReLU(ReLUConfig.builder().build()));
  }

  @Test
  void defaultsAreKeras() throws Exception {
    ReLUConfig c = KerasJson.mapper().readerFor(ReLUConfig.class).readValue("{}");
    assertEquals(ReLUConfig.builder().build(), c);
    assertEquals(null, c.maxValue());
    assertEquals(0.0, c.negativeSlope());
    assertEquals(0.0, c.threshold());
  }

  @Test
  void negativeSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ReLUConfig.builder().maxValue(-1.0).build());
    assertThrows(
        IllegalArgumentException.class, () -> ReLUConfig.builder().negativeSlope(-0.1).build());
    assertThrows(
        IllegalArgumentException.class, () -> ReLUConfig.builder().threshold(-0.1).build());
  }

  @Test
  void clippedOutputStaysBetweenZeroAndMaxValue() {
    float[][] x = scaled(randomMatrix(6, 8, 3), 10f);
    float[][] y = run(new ReLU(ReLUConfig.builder().maxValue(6.0).build()), x);
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        assertTrue(y[i][j] >= 0f && y[i][j] <= 6f, "relu6 output " + y[i][j]);
        if (x[i][j] > 0f && x[i][j] < 6f) assertEquals(x[i][j], y[i][j], "linear part");
      }
    }
  }

  @Test
  void thresholdAndSlopeShapeTheNegativePart() {
    float[][] x = scaled(randomMatrix(6, 8, 4), 3f);
    ReLUConfig c = ReLUConfig.builder().maxValue(1.5).negativeSlope(0.1).threshold(0.2).build();
    float[][] y = run(new ReLU(c), x);
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        float v = x[i][j];
        assertTrue(y[i][j] <= 1.5f, "clipped at max_value");
        if (v > 0.2f && v < 1.5f) {
          assertEquals(v, y[i][j], "linear between threshold and max_value");
        } else if (v <= 0.2f) {
          assertTrue(y[i][j] <= 0f, "damped below the threshold: " + v + " -> " + y[i][j]);
          assertTrue(Math.abs(y[i][j]) < Math.abs(v - 0.2f) + 1e-6f, "slope below 1");
        }
      }
    }
  }

  @Test
  void everyBranchIsDifferentiable() {
    for (ReLUConfig c :
        new ReLUConfig[] {
          ReLUConfig.builder().build(),
          ReLUConfig.builder().maxValue(6.0).build(),
          ReLUConfig.builder().negativeSlope(0.1).build(),
          ReLUConfig.builder().maxValue(1.5).negativeSlope(0.1).threshold(0.2).build()
        }) {
      GradientCheck.assertDifferentiable(new ReLU(c), Shape.of(2, 3));
    }
  }

  private static float[][] run(ReLU relu, float[][] x) {
    try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        Result r = predict(relu, in)) {
      return StdArrays.array2dCopyOf((TFloat32) r.get(0));
    }
  }

  static float[][] randomMatrix(int rows, int cols, long seed) {
    Random random = new Random(seed);
    float[][] x = new float[rows][cols];
    for (float[] row : x) {
      for (int j = 0; j < cols; j++) row[j] = (float) random.nextGaussian();
    }
    return x;
  }

  static float[][] scaled(float[][] x, float factor) {
    for (float[] row : x) {
      for (int j = 0; j < row.length; j++) row[j] *= factor;
    }
    return x;
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("ReLU");
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 4, 5)) {
      assertGradientsMatchFiniteDifferences(
          new ReLU(
              ReLUConfig.builder().maxValue(1.5).negativeSlope(0.1).threshold(0.2).build(),
              FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 4, 5)) {
      assertTrainingStepLowersLoss(
          new ReLU(ReLUConfig.builder().maxValue(1.5).negativeSlope(0.1).threshold(0.2).build()),
          x);
    }
  }
}

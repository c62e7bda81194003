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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.serialization.KerasJson;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class ELUTest {

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    ELU elu = new ELU(ELUConfig.of(0.7));
    assertOutputSpecMatchesGraph(elu, spec(TFloat32.class, 9));
    assertOutputSpecMatchesGraph(elu, spec(TFloat64.class, 2, 3));
    assertWeights(elu);
    assertTrue(elu.supportsMasking());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new ELU(ELUConfig.of(0.7)));
    assertConfigRoundTrip(new ELU(ELUConfig.defaults()));
  }

  @Test
  void defaultAlphaIsKeras() throws Exception {
    assertEquals(
        ELUConfig.defaults(), KerasJson.mapper().readerFor(ELUConfig.class).readValue("{}"));
    assertEquals(1.0, ELUConfig.defaults().alpha());
  }

  @Test
  void negativePartIsBoundedByMinusAlpha() {
    for (double alpha : new double[] {1.0, 0.7}) {
      float[][] x = ReLUTest.scaled(ReLUTest.randomMatrix(5, 7, 12), 4f);
      try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
          Result r = predict(new ELU(ELUConfig.of(alpha)), in)) {
        float[][] y = StdArrays.array2dCopyOf((TFloat32) r.get(0));
        for (int i = 0; i < x.length; i++) {
          for (int j = 0; j < x[i].length; j++) {
            if (x[i][j] > 0f) {
              assertEquals(x[i][j], y[i][j], "positive inputs pass through");
            } else {
              assertTrue(y[i][j] <= 0f && y[i][j] >= -alpha, x[i][j] + " -> " + y[i][j]);
            }
          }
        }
      }
    }
  }

  @Test
  void isDifferentiable() {
    GradientCheck.assertDifferentiable(new ELU(ELUConfig.of(0.7)), Shape.of(2, 3));
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("ELU");
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 3, 5)) {
      assertGradientsMatchFiniteDifferences(new ELU(ELUConfig.of(0.7), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 3, 5)) {
      assertTrainingStepLowersLoss(new ELU(ELUConfig.of(0.7)), x);
    }
  }
}

package io.keras4j.layers.core;

import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.assertWeights;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.predict;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;

class IdentityTest {

  @Test
  void hasNoWeightsAndKeepsShapeAndDtype() {
    Identity identity = new Identity(new IdentityConfig());
    assertOutputSpecMatchesGraph(identity, spec(TFloat32.class, 8));
    assertOutputSpecMatchesGraph(identity, spec(TInt64.class, 2, 3));
    assertWeights(identity);
    assertTrue(identity.supportsMasking());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Identity(new IdentityConfig()));
  }

  @Test
  void returnsItsInput() {
    float[][] x = DenseTest.randomMatrix(3, 4, 9);
    try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        Result r = predict(new Identity(new IdentityConfig()), in)) {
      float[][] y = StdArrays.array2dCopyOf((TFloat32) r.get(0));
      for (int i = 0; i < x.length; i++) assertArrayEquals(x[i], y[i]);
    }
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("Identity");
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 3, 5)) {
      assertGradientsMatchFiniteDifferences(new Identity(new IdentityConfig(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 3, 5)) {
      assertTrainingStepLowersLoss(new Identity(new IdentityConfig()), x);
    }
  }
}

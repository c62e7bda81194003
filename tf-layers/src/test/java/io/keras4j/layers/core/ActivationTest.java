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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class ActivationTest {

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    Activation relu = new Activation(ActivationConfig.of("relu"));
    assertOutputSpecMatchesGraph(relu, spec(TFloat32.class, 8));
    assertOutputSpecMatchesGraph(relu, spec(TFloat32.class, 3, 5));
    assertWeights(relu);
    assertTrue(relu.supportsMasking());
  }

  @Test
  void integerInputsKeepTheirDtype() {
    assertOutputSpecMatchesGraph(
        new Activation(ActivationConfig.of("relu")), spec(TInt32.class, 4));
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Activation(ActivationConfig.of("tanh")));
  }

  @Test
  void readsTheActivationByName() throws Exception {
    JsonNode env =
        KerasJson.mapper()
            .readTree(
                "{\"module\": \"keras.layers\", \"class_name\": \"Activation\", \"config\":"
                    + " {\"name\": \"act\", \"trainable\": true, \"activation\": \"sigmoid\"}}");
    Activation layer = (Activation) ConfigSerializer.of(KerasRegistry.builtins()).deserialize(env);
    assertSame(BuiltinActivation.SIGMOID, layer.getConfig().activation());
    assertEquals("act", layer.name());
  }

  @Test
  void activationIsRequired() {
    assertThrows(IllegalArgumentException.class, () -> new ActivationConfig.Builder().build());
    assertThrows(IllegalArgumentException.class, () -> ActivationConfig.of("no_such_activation"));
  }

  @Test
  void reluZeroesNegativesAndKeepsPositives() {
    float[][] x = DenseTest.randomMatrix(4, 6, 5);
    try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        Result r = predict(new Activation(ActivationConfig.of("relu")), in)) {
      float[][] y = StdArrays.array2dCopyOf((TFloat32) r.get(0));
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[i].length; j++) {
          if (x[i][j] > 0) {
            assertEquals(x[i][j], y[i][j], "positive inputs pass through");
          } else {
            assertEquals(0f, y[i][j], "non-positive inputs become 0");
          }
        }
      }
    }
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("Activation");
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 3, 5)) {
      assertGradientsMatchFiniteDifferences(
          new Activation(ActivationConfig.of("tanh"), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 3, 5)) {
      assertTrainingStepLowersLoss(new Activation(ActivationConfig.of("tanh")), x);
    }
  }
}

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class LeakyReLUTest {

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    LeakyReLU leaky = new LeakyReLU(LeakyReLUConfig.defaults());
    assertOutputSpecMatchesGraph(leaky, spec(TFloat32.class, 9));
    assertOutputSpecMatchesGraph(leaky, spec(TFloat32.class, 2, 3, 4));
    assertWeights(leaky);
    assertTrue(leaky.supportsMasking());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new LeakyReLU(LeakyReLUConfig.of(0.25)));
  }

  @Test
  void defaultSlopeIsKeras() throws Exception {
    assertEquals(
        LeakyReLUConfig.defaults(),
        KerasJson.mapper().readerFor(LeakyReLUConfig.class).readValue("{}"));
    assertEquals(0.3, LeakyReLUConfig.defaults().negativeSlope());
  }

  @Test
  void readsKerasTwoAlphaAndWritesNegativeSlope() throws Exception {
    JsonNode env =
        KerasJson.mapper()
            .readTree(
                "{\"class_name\": \"LeakyReLU\", \"config\": {\"name\": \"leaky\", \"trainable\":"
                    + " true, \"dtype\": \"float32\", \"alpha\": 0.2}}");
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    LeakyReLU leaky = (LeakyReLU) serializer.deserialize(env);
    assertEquals(0.2, leaky.getConfig().negativeSlope());
    JsonNode written = serializer.serialize(leaky).get("config");
    assertEquals(0.2, written.get("negative_slope").asDouble());
    assertFalse(written.has("alpha"), "Keras 3 writes negative_slope only");
  }

  @Test
  void negativeSlopeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> LeakyReLUConfig.of(-0.1));
  }

  @Test
  void negativeInputsShrinkAndPositiveOnesPassThrough() {
    float[][] x = ReLUTest.randomMatrix(5, 7, 8);
    try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        Result r = predict(new LeakyReLU(LeakyReLUConfig.of(0.25)), in)) {
      float[][] y = StdArrays.array2dCopyOf((TFloat32) r.get(0));
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[i].length; j++) {
          if (x[i][j] >= 0f) {
            assertEquals(x[i][j], y[i][j]);
          } else {
            assertTrue(y[i][j] < 0f && y[i][j] > x[i][j], x[i][j] + " -> " + y[i][j]);
          }
        }
      }
    }
  }

  @Test
  void isDifferentiable() {
    GradientCheck.assertDifferentiable(new LeakyReLU(LeakyReLUConfig.defaults()), Shape.of(2, 3));
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("LeakyReLU");
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 3, 5)) {
      assertGradientsMatchFiniteDifferences(new LeakyReLU(LeakyReLUConfig.of(0.25), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 3, 5)) {
      assertTrainingStepLowersLoss(new LeakyReLU(LeakyReLUConfig.of(0.25)), x);
    }
  }
}

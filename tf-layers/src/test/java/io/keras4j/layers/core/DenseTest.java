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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.initializers.RandomUniform;
import io.keras4j.layers.Layer;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class DenseTest {

  @Test
  void weightsAreKernelThenBias() {
    Dense dense = new Dense(DenseConfig.builder(4).build());
    assertOutputSpecMatchesGraph(dense, spec(TFloat32.class, 8));
    assertWeights(dense, "kernel(8, 4)", "bias(4,)");
  }

  @Test
  void withoutBiasOnlyTheKernel() {
    Dense dense = new Dense(DenseConfig.builder(3).useBias(false).build());
    assertOutputSpecMatchesGraph(dense, spec(TFloat32.class, 5));
    assertWeights(dense, "kernel(5, 3)");
  }

  @Test
  void outputSpecMatchesGraphForMatricesAndSequences() {
    assertOutputSpecMatchesGraph(
        new Dense(DenseConfig.builder(4).build()), spec(TFloat32.class, 8));
    assertOutputSpecMatchesGraph(
        new Dense(DenseConfig.builder(4).build()), spec(TFloat32.class, 5, 8));
    assertOutputSpecMatchesGraph(
        new Dense(DenseConfig.builder(2).build()), spec(TFloat32.class, 3, 5, 8));
  }

  @Test
  void configRoundTrip() {
    Dense dense =
        new Dense(DenseConfig.builder(7).activation(BuiltinActivation.RELU).useBias(false).build());
    assertConfigRoundTrip(dense);
  }

  @Test
  void configJsonRoundTrip() {
    Dense dense =
        new Dense(DenseConfig.builder(7).activation(BuiltinActivation.RELU).useBias(false).build());
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    ObjectNode json = serializer.serialize(dense);
    Layer copy = serializer.deserialize(json);
    assertInstanceOf(Dense.class, copy);
    assertEquals(json.get("config"), serializer.serialize(copy).get("config"));
    assertEquals("relu", json.get("config").get("activation").asText());
    assertTrue(json.get("config").get("quantization_config").isNull());
  }

  @Test
  void unitsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> DenseConfig.builder(0).build());
  }

  @Test
  void reluOutputHasNoNegativeValues() {
    Dense dense =
        new Dense(
            DenseConfig.builder(6)
                .activation(BuiltinActivation.RELU)
                .kernelInitializer(new RandomUniform(3L, -1.0, 1.0))
                .biasInitializer(new RandomUniform(4L, -1.0, 1.0))
                .build());
    float[][] x = randomMatrix(5, 4, 11);
    try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        Result r = predict(dense, in)) {
      float[][] y = StdArrays.array2dCopyOf((TFloat32) r.get(0));
      assertEquals(5, y.length);
      assertEquals(6, y[0].length);
      boolean anyPositive = false;
      for (float[] row : y) {
        for (float v : row) {
          assertTrue(v >= 0f, "relu output " + v);
          anyPositive |= v > 0f;
        }
      }
      assertTrue(anyPositive, "random weights give some positive outputs");
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

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("Dense");
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 3, 5)) {
      assertGradientsMatchFiniteDifferences(
          new Dense(DenseConfig.builder(4).activation(BuiltinActivation.TANH).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 3, 5)) {
      assertTrainingStepLowersLoss(
          new Dense(DenseConfig.builder(4).activation(BuiltinActivation.TANH).build()), x);
    }
  }
}

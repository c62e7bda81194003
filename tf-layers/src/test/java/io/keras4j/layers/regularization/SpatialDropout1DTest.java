package io.keras4j.layers.regularization;

import static io.keras4j.layers.regularization.TrainingRuns.fractionOfZeros;
import static io.keras4j.layers.regularization.TrainingRuns.gaussian;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.CallContext;
import io.keras4j.serialization.ConfigException;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class SpatialDropout1DTest {

  @Test
  void trainingIsDifferentiable() {
    TrainingRuns.assertDifferentiable(
        new SpatialDropout1D(SpatialDropout1DConfig.of(0.5)), Shape.of(2, 4, 6));
  }

  private static final ConfigSerializer SERIALIZER = ConfigSerializer.of(KerasRegistry.builtins());

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    SpatialDropout1D dropout = new SpatialDropout1D(SpatialDropout1DConfig.of(0.3));
    assertOutputSpecMatchesGraph(dropout, spec(TFloat32.class, 10, 16));
    assertOutputSpecMatchesGraph(
        new SpatialDropout1D(SpatialDropout1DConfig.of(0.3)), spec(TFloat32.class, -1, 4));
    assertWeights(dropout);
    assertTrue(dropout.supportsMasking());
  }

  @Test
  void needsARankThreeInput() {
    SpatialDropout1D dropout = new SpatialDropout1D(SpatialDropout1DConfig.of(0.3));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> assertOutputSpecMatchesGraph(dropout, spec(TFloat32.class, 5)));
    assertTrue(e.getMessage().contains("expected ndim=3, found ndim=2"), e.getMessage());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(
        new SpatialDropout1D(SpatialDropout1DConfig.builder(0.3).seed(5L).build()));
  }

  @Test
  void readsKerasTwoTrainableAndNullNoiseShape() throws Exception {
    JsonNode env =
        json(
            "{'class_name': 'SpatialDropout1D', 'config': {'name': 'sd', 'trainable': true,"
                + " 'dtype': 'float32', 'rate': 0.3, 'noise_shape': null, 'seed': null}}");
    SpatialDropout1D dropout = (SpatialDropout1D) SERIALIZER.deserialize(env);
    assertEquals(SpatialDropout1DConfig.of(0.3), dropout.getConfig());
    assertTrue(dropout.unknownConfig().isEmpty(), "noise_shape is a known key");
    assertFalse(SERIALIZER.serialize(dropout).get("config").has("noise_shape"));
  }

  @Test
  void aNoiseShapeIsRefused() throws Exception {
    JsonNode env =
        json(
            "{'class_name': 'SpatialDropout1D', 'config': {'name': 'sd', 'rate': 0.3,"
                + " 'noise_shape': [null, 1, null]}}");
    ConfigException e = assertThrows(ConfigException.class, () -> SERIALIZER.deserialize(env));
    assertTrue(e.getMessage().contains("noise_shape"), e.getMessage());
  }

  @Test
  void identityAtInference() {
    float[] x = gaussian(2 * 5 * 4, 1);
    try (TFloat32 in = TFloat32.tensorOf(Shape.of(2, 5, 4), DataBuffers.of(x, true, false));
        Result r = predict(new SpatialDropout1D(SpatialDropout1DConfig.of(0.5)), in)) {
      assertArrayEquals(x, TrainingRuns.flat((TFloat32) r.get(0)));
    }
  }

  @Test
  void dropsWholeChannelsAlongTheSteps() {
    int batch = 20;
    int steps = 8;
    int channels = 30;
    float rate = 0.4f;
    float[] x = gaussian(batch * steps * channels, 2);
    float[] y =
        TrainingRuns.once(
            new SpatialDropout1D(SpatialDropout1DConfig.builder(rate).seed(11L).build()),
            x,
            Shape.of(batch, steps, channels));
    int dropped = 0;
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < channels; c++) {
        int zeros = 0;
        for (int t = 0; t < steps; t++) {
          int i = (b * steps + t) * channels + c;
          if (y[i] == 0f) {
            zeros++;
          } else {
            assertEquals(x[i] / (1f - rate), y[i], 1e-6f * Math.abs(y[i]));
          }
        }
        assertTrue(zeros == 0 || zeros == steps, "channel " + c + " of example " + b);
        if (zeros == steps) dropped++;
      }
    }
    assertEquals(rate, (float) dropped / (batch * channels), 0.06f);
    assertEquals(rate, fractionOfZeros(y), 0.06f);
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    // Keras 3's spatial dropouts write neither `trainable` nor a DTypePolicy (their get_config
    // lists rate, seed, name and a plain dtype string), while the config serializer writes the
    // base keys of every layer: the comparison covers the layer's own keys.
    KerasConfigs.assertReadsAndWritesKerasConfigs("SpatialDropout1D", "trainable", "dtype");
  }

  private static JsonNode json(String text) throws Exception {
    return KerasJson.mapper().readTree(text.replace('\'', '"'));
  }

  // Training mode with a seed: the kit evaluates each perturbation in a new session, where the
  // seeded draws repeat, so the noise is the same in every evaluation.
  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new SpatialDropout1D(SpatialDropout1DConfig.builder(0.5).seed(7L).build(), FLOAT64), x);
      assertGradientsMatchFiniteDifferences(
          new SpatialDropout1D(SpatialDropout1DConfig.builder(0.5).seed(7L).build(), FLOAT64),
          CallContext.inference(),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 3)) {
      assertTrainingStepLowersLoss(
          new SpatialDropout1D(SpatialDropout1DConfig.builder(0.5).seed(7L).build()), x);
    }
  }
}

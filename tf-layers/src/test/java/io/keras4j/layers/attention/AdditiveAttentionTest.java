package io.keras4j.layers.attention;

import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.TensorSpec;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.testing.LayerTestKit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class AdditiveAttentionTest {

  private static final ConfigSerializer SERIALIZER = ConfigSerializer.of(KerasRegistry.builtins());

  private static final CallContext WITH_SCORES =
      CallContext.inference().withArguments(Map.of("return_attention_scores", true), Map.of());

  @Test
  void scaleIsAVectorOverTheFeatures() {
    TensorSpec q = LayerTestKit.spec(TFloat32.class, 4, 6);
    TensorSpec v = LayerTestKit.spec(TFloat32.class, 5, 6);
    AdditiveAttention scaled = new AdditiveAttention(AdditiveAttentionConfig.builder().build());
    LayerTestKit.assertOutputSpecMatchesGraph(scaled, q, v);
    LayerTestKit.assertWeights(scaled, "scale(6,)");
    AdditiveAttention plain =
        new AdditiveAttention(AdditiveAttentionConfig.builder().useScale(false).build());
    LayerTestKit.assertOutputSpecMatchesGraph(plain, q, v);
    LayerTestKit.assertWeights(plain);
  }

  @Test
  void scoresAreADistributionAndMaskedKeysGetNone() {
    try (EagerRun run = new EagerRun()) {
      boolean[][] valueMask = {
        {true, true, false, true, false}, {true, false, false, false, false}
      };
      CallContext context =
          CallContext.inference()
              .withMasks(Arrays.asList(null, run.mask(valueMask)))
              .withArguments(
                  Map.of("return_attention_scores", true, "use_causal_mask", true), Map.of());
      Layer layer = new AdditiveAttention(AdditiveAttentionConfig.builder().build());
      float[][][] scores =
          (float[][][])
              run.call(
                      layer,
                      context,
                      run.tensor(Sequences.of(2, 5, 6, 0)),
                      run.tensor(Sequences.of(2, 5, 6, 1)))
                  .get(1);
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 5; i++) {
          assertEquals(1.0, Sequences.sum(scores[b][i]), 1e-5);
          for (int j = 0; j < 5; j++) {
            if (!valueMask[b][j] || j > i) assertEquals(0f, scores[b][i][j], b + "," + i + "," + j);
            else assertTrue(scores[b][i][j] > 0);
          }
        }
      }
    }
  }

  @Test
  void outputIsAConvexCombinationOfTheValues() {
    try (EagerRun run = new EagerRun()) {
      float[][][] v = Sequences.of(2, 5, 6, 1);
      Layer layer = new AdditiveAttention(AdditiveAttentionConfig.builder().build());
      List<Object> out =
          run.call(layer, WITH_SCORES, run.tensor(Sequences.of(2, 4, 6, 0)), run.tensor(v));
      float[][][] output = (float[][][]) out.get(0);
      float[][][] scores = (float[][][]) out.get(1);
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 4; i++) {
          for (int d = 0; d < 6; d++) {
            double expected = 0;
            for (int j = 0; j < 5; j++) expected += scores[b][i][j] * v[b][j][d];
            assertEquals(expected, output[b][i][d], 1e-5);
          }
        }
      }
    }
  }

  @Test
  void configMatchesKerasJsonAndRoundTrips() throws Exception {
    // Written by Keras 3.16 for the additive_attention fixture: no score_mode key.
    String keras =
        "{\"module\": \"keras.layers\", \"class_name\": \"AdditiveAttention\", \"config\":"
            + " {\"name\": \"additive_attention\", \"trainable\": true, \"dtype\": {\"module\":"
            + " \"keras\", \"class_name\": \"DTypePolicy\", \"config\": {\"name\": \"float32\"},"
            + " \"registered_name\": null}, \"use_scale\": true, \"dropout\": 0.0, \"seed\": null},"
            + " \"registered_name\": null}";
    KerasWritten.assertWritesLikeKeras(keras);
    LayerTestKit.assertConfigRoundTrip(
        new AdditiveAttention(
            AdditiveAttentionConfig.builder()
                .useScale(false)
                .dropout(0.1)
                .seed(5L)
                .causal(true)
                .build()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 q = gaussian(TFloat64.class, 1, 2, 3, 4);
        TFloat64 v = gaussian(TFloat64.class, 2, 2, 5, 4);
        TFloat64 k = gaussian(TFloat64.class, 3, 2, 5, 4)) {
      assertGradientsMatchFiniteDifferences(
          new AdditiveAttention(AdditiveAttentionConfig.builder().build(), FLOAT64), q, v, k);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 q = gaussian(TFloat32.class, 3, 2, 3, 4);
        TFloat32 v = gaussian(TFloat32.class, 4, 2, 5, 4)) {
      assertTrainingStepLowersLoss(
          new AdditiveAttention(AdditiveAttentionConfig.builder().build()), q, v);
    }
  }
}

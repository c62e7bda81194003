package io.keras4j.layers.attention;

import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.attention.AttentionConfig.ScoreMode;
import io.keras4j.serialization.ConfigException;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.testing.LayerTestKit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class AttentionTest {

  private static final ConfigSerializer SERIALIZER = ConfigSerializer.of(KerasRegistry.builtins());

  private static final CallContext WITH_SCORES =
      CallContext.inference().withArguments(Map.of("return_attention_scores", true), Map.of());

  private static Attention attention(AttentionConfig.Builder config) {
    return new Attention(config.build());
  }

  @Test
  void weightsFollowUseScaleAndScoreMode() {
    TensorSpec q = LayerTestKit.spec(TFloat32.class, 4, 6);
    TensorSpec v = LayerTestKit.spec(TFloat32.class, 5, 6);
    Attention plain = attention(AttentionConfig.builder());
    LayerTestKit.assertOutputSpecMatchesGraph(plain, q, v);
    LayerTestKit.assertWeights(plain);
    Attention scaled = attention(AttentionConfig.builder().useScale(true));
    LayerTestKit.assertOutputSpecMatchesGraph(scaled, q, v);
    LayerTestKit.assertWeights(scaled, "scale()");
    Attention concat =
        attention(AttentionConfig.builder().useScale(true).scoreMode(ScoreMode.CONCAT));
    LayerTestKit.assertOutputSpecMatchesGraph(concat, q, v);
    LayerTestKit.assertWeights(concat, "scale()", "concat_score_weight()");
  }

  @Test
  void outputTakesTheValuesLastDimensionWhenAKeyIsGiven() {
    List<TensorSpec> out =
        LayerTestKit.assertOutputSpecMatchesGraph(
            attention(AttentionConfig.builder()),
            LayerTestKit.spec(TFloat32.class, 4, 6),
            LayerTestKit.spec(TFloat32.class, 5, 3),
            LayerTestKit.spec(TFloat32.class, 5, 6));
    assertEquals("(None, 4, 3)", Shapes.toKeras(out.get(0).shape()));
  }

  @Test
  void scoresAreADistributionOverTheKeys() {
    for (ScoreMode mode : ScoreMode.values()) {
      try (EagerRun run = new EagerRun()) {
        Layer layer = attention(AttentionConfig.builder().useScale(true).scoreMode(mode));
        List<Object> out =
            run.call(
                layer,
                WITH_SCORES,
                run.tensor(Sequences.of(2, 4, 6, 0)),
                run.tensor(Sequences.of(2, 5, 6, 1)));
        assertEquals(2, out.size());
        for (float[][] sample : (float[][][]) out.get(1)) {
          for (float[] row : sample) assertEquals(1.0, Sequences.sum(row), 1e-5, mode.toString());
        }
      }
    }
  }

  @Test
  void causalMaskGivesNoWeightToLaterSteps() {
    try (EagerRun run = new EagerRun()) {
      CallContext causal =
          CallContext.inference()
              .withArguments(
                  Map.of("return_attention_scores", true, "use_causal_mask", true), Map.of());
      float[][][] x = Sequences.of(2, 4, 6, 0);
      List<Object> out =
          run.call(attention(AttentionConfig.builder()), causal, run.tensor(x), run.tensor(x));
      float[][][] scores = (float[][][]) out.get(1);
      for (float[][] sample : scores) {
        for (int i = 0; i < 4; i++) {
          for (int j = 0; j < 4; j++) {
            if (j > i) assertEquals(0f, sample[i][j], "query " + i + ", key " + j);
            else assertTrue(sample[i][j] > 0);
          }
        }
      }
      float[][][] first = (float[][][]) out.get(0);
      for (int b = 0; b < 2; b++) {
        assertArrayEquals(x[b][0], first[b][0], 1e-6f, "step 0 attends only to itself");
      }
    }
  }

  @Test
  void keras2CausalKeyMasksEveryCallAndIsWrittenBack() throws Exception {
    JsonNode json =
        KerasJson.mapper()
            .readTree(
                "{\"class_name\": \"Attention\", \"config\": {\"name\": \"a\", \"use_scale\":"
                    + " false, \"score_mode\": \"dot\", \"dropout\": 0.0, \"causal\": true}}");
    Attention layer = (Attention) SERIALIZER.deserialize(json);
    assertTrue(SERIALIZER.serialize(layer).at("/config/causal").asBoolean());
    assertFalse(
        SERIALIZER.serialize(attention(AttentionConfig.builder())).get("config").has("causal"));
    try (EagerRun run = new EagerRun()) {
      float[][][] x = Sequences.of(1, 3, 6, 0);
      float[][][] scores =
          (float[][][]) run.call(layer, WITH_SCORES, run.tensor(x), run.tensor(x)).get(1);
      assertEquals(0f, scores[0][0][2]);
    }
  }

  @Test
  void maskedValuesGetNoWeightAndAttentionEqualsTheUnpaddedSequence() {
    try (EagerRun run = new EagerRun()) {
      float[][][] q = Sequences.of(2, 4, 6, 0);
      float[][][] v = Sequences.of(2, 5, 6, 1);
      boolean[][] valueMask = {{true, true, true, false, false}, {true, true, true, false, false}};
      CallContext masked = WITH_SCORES.withMasks(Arrays.asList(null, run.mask(valueMask)));
      Attention layer = attention(AttentionConfig.builder());
      List<Object> out = run.call(layer, masked, run.tensor(q), run.tensor(v));
      for (float[][] sample : (float[][][]) out.get(1)) {
        for (float[] row : sample) {
          assertEquals(0f, row[3]);
          assertEquals(0f, row[4]);
        }
      }
      float[][][] shortV = new float[2][][];
      for (int b = 0; b < 2; b++) shortV[b] = Arrays.copyOf(v[b], 3);
      float[][][] unpadded =
          (float[][][]) run.call(layer, WITH_SCORES, run.tensor(q), run.tensor(shortV)).get(0);
      float[][][] padded = (float[][][]) out.get(0);
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 4; i++) assertArrayEquals(unpadded[b][i], padded[b][i], 1e-6f);
      }
    }
  }

  @Test
  void maskedQueryStepsOutputZerosAndKeepTheirMask() {
    try (EagerRun run = new EagerRun()) {
      boolean[][] queryMask = {{true, true, false, false}, {true, false, false, false}};
      CallContext masked =
          CallContext.inference().withMasks(Arrays.asList(run.mask(queryMask), null));
      Attention layer = attention(AttentionConfig.builder());
      float[][][] out =
          (float[][][])
              run.call(
                      layer,
                      masked,
                      run.tensor(Sequences.of(2, 4, 6, 0)),
                      run.tensor(Sequences.of(2, 5, 6, 1)))
                  .get(0);
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 4; i++) {
          boolean zero = true;
          for (float f : out[b][i]) zero &= f == 0f;
          assertEquals(!queryMask[b][i], zero, "sample " + b + ", step " + i);
        }
      }
      Operand<TBool> mask = run.mask(queryMask);
      assertSame(
          mask,
          layer.computeMask(run.tf, List.of(), Arrays.asList(mask, null), 1).get(0),
          "the query's mask passes to the output");
    }
  }

  @Test
  void dropoutActsOnlyInTrainingAndRescalesWhatItKeeps() {
    try (EagerRun run = new EagerRun()) {
      float[][][] q = Sequences.of(2, 4, 6, 0);
      float[][][] v = Sequences.of(2, 5, 6, 1);
      Attention dropping = attention(AttentionConfig.builder().dropout(0.5).seed(3L));
      Attention plain = attention(AttentionConfig.builder());
      float[][][] expected =
          (float[][][]) run.call(plain, WITH_SCORES, run.tensor(q), run.tensor(v)).get(1);
      float[][][] inference =
          (float[][][]) run.call(dropping, WITH_SCORES, run.tensor(q), run.tensor(v)).get(1);
      float[][][] training =
          (float[][][])
              run.call(dropping, WITH_SCORES.withTraining(true), run.tensor(q), run.tensor(v))
                  .get(1);
      int dropped = 0;
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 4; i++) {
          assertArrayEquals(expected[b][i], inference[b][i], 0f);
          for (int j = 0; j < 5; j++) {
            if (training[b][i][j] == 0f) dropped++;
            else assertEquals(2 * expected[b][i][j], training[b][i][j], 1e-6);
          }
        }
      }
      assertTrue(dropped > 0 && dropped < 40, "dropped " + dropped + " of 40");
    }
  }

  @Test
  void differentiableThroughMasksCausalMaskAndDropout() {
    Attention layer =
        attention(
            AttentionConfig.builder().useScale(true).scoreMode(ScoreMode.CONCAT).dropout(0.2));
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> q =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 4, 6)));
      Placeholder<TFloat32> v =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5, 6)));
      Placeholder<TBool> qMask = tf.placeholder(TBool.class, Placeholder.shape(Shape.of(-1, 4)));
      Placeholder<TBool> vMask = tf.placeholder(TBool.class, Placeholder.shape(Shape.of(-1, 5)));
      CallContext context =
          CallContext.of(true)
              .withMasks(List.of(qMask, vMask))
              .withArguments(Map.of("use_causal_mask", true), Map.of());
      Operand<TFloat32> y = Tensors.floating(layer.apply(tf, List.of(q, v), context).get(0));
      Operand<TFloat32> loss = tf.sum(y, tf.constant(new int[] {0, 1, 2}));
      List<Output<?>> xs = new ArrayList<>(List.of(q.asOutput(), v.asOutput()));
      g.operations()
          .forEachRemaining(
              op -> {
                if (op.type().equals("ReadVariableOp")) xs.add(((GraphOperation) op).output(0));
              });
      assertEquals(4, xs.size(), "query, value, scale and concat_score_weight");
      for (Output<?> grad : g.addGradients(loss.asOutput(), xs.toArray(Output[]::new))) {
        assertNotNull(grad);
      }
      layer.weights().forEach(w -> w.detach(g));
    }
  }

  @Test
  void configMatchesKerasJsonAndRoundTrips() throws Exception {
    // Written by Keras 3.16 for the attention_dot fixture.
    String keras =
        "{\"module\": \"keras.layers\", \"class_name\": \"Attention\", \"config\": {\"name\":"
            + " \"attention\", \"trainable\": true, \"dtype\": {\"module\": \"keras\","
            + " \"class_name\": \"DTypePolicy\", \"config\": {\"name\": \"float32\"},"
            + " \"registered_name\": null}, \"use_scale\": false, \"score_mode\": \"dot\","
            + " \"dropout\": 0.0, \"seed\": null}, \"registered_name\": null}";
    KerasWritten.assertWritesLikeKeras(keras);
    LayerTestKit.assertConfigRoundTrip(
        attention(
            AttentionConfig.builder()
                .useScale(true)
                .scoreMode(ScoreMode.CONCAT)
                .dropout(0.25)
                .seed(7L)));
  }

  @Test
  void invalidScoreModeAndInputCountAreRefusedInKerasWords() throws Exception {
    JsonNode json =
        KerasJson.mapper()
            .readTree("{\"class_name\": \"Attention\", \"config\": {\"score_mode\": \"general\"}}");
    ConfigException e = assertThrows(ConfigException.class, () -> SERIALIZER.deserialize(json));
    assertTrue(
        e.getMessage().contains("Expected one of {'dot', 'concat'}. Received: score_mode=general"),
        e.getMessage());
    IllegalArgumentException one =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LayerTestKit.assertOutputSpecMatchesGraph(
                    attention(AttentionConfig.builder()), LayerTestKit.spec(TFloat32.class, 4, 6)));
    assertTrue(one.getMessage().contains("Received length: 1"), one.getMessage());
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 q = gaussian(TFloat64.class, 1, 2, 3, 4);
        TFloat64 v = gaussian(TFloat64.class, 2, 2, 5, 4)) {
      assertGradientsMatchFiniteDifferences(
          new Attention(AttentionConfig.builder().useScale(true).build(), FLOAT64), q, v);
      // Concat scores, the scores as a second output, and seeded dropout on them.
      assertGradientsMatchFiniteDifferences(
          new Attention(
              AttentionConfig.builder()
                  .useScale(true)
                  .scoreMode(ScoreMode.CONCAT)
                  .dropout(0.3)
                  .seed(3L)
                  .build(),
              FLOAT64),
          CallContext.of(true).withArguments(Map.of("return_attention_scores", true), Map.of()),
          q,
          v);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 q = gaussian(TFloat32.class, 3, 2, 3, 4);
        TFloat32 v = gaussian(TFloat32.class, 4, 2, 5, 4)) {
      assertTrainingStepLowersLoss(
          new Attention(AttentionConfig.builder().useScale(true).build()), q, v);
    }
  }
}

package io.keras4j.layers.attention;

import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.CallArgs;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.EinsumDense;
import io.keras4j.layers.core.Input;
import io.keras4j.models.Functional;
import io.keras4j.regularizers.L2;
import io.keras4j.testing.LayerTestKit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class MultiHeadAttentionTest {

  private static final CallContext WITH_SCORES =
      CallContext.inference().withArguments(Map.of("return_attention_scores", true), Map.of());

  private static MultiHeadAttention mha(MultiHeadAttentionConfig.Builder config) {
    return new MultiHeadAttention(config.build());
  }

  @Test
  void projectionsAreEinsumDenseLayersUnderKerasAttributeNames() {
    MultiHeadAttention layer = mha(MultiHeadAttentionConfig.builder(2, 3));
    LayerTestKit.assertOutputSpecMatchesGraph(
        layer, LayerTestKit.spec(TFloat32.class, 5, 6), LayerTestKit.spec(TFloat32.class, 4, 6));
    assertEquals(
        List.of(
            "query_dense",
            "key_dense",
            "value_dense",
            "_softmax",
            "_dropout_layer",
            "output_dense"),
        List.copyOf(layer.children().keySet()));
    assertEquals("query", layer.children().get("query_dense").name());
    assertEquals("attention_output", layer.children().get("output_dense").name());
    LayerTestKit.assertWeights(
        layer,
        "kernel(6, 2, 3)",
        "bias(2, 3)", // query
        "kernel(6, 2, 3)",
        "bias(2, 3)", // key
        "kernel(6, 2, 3)",
        "bias(2, 3)", // value
        "kernel(2, 3, 6)",
        "bias(6,)"); // attention_output
    assertEquals(168, layer.countParams(), "the mha_self fixture's parameter count");
    assertEquals(List.of(1), layer.getConfig().attentionAxes(), "resolved as Keras reports it");
  }

  @Test
  void valueDimKeyAndOutputShapeSetTheShapes() {
    MultiHeadAttention layer =
        mha(
            MultiHeadAttentionConfig.builder(4, 2)
                .valueDim(3)
                .useBias(false)
                .outputShape(List.of(5L)));
    List<TensorSpec> out =
        LayerTestKit.assertOutputSpecMatchesGraph(
            layer,
            LayerTestKit.spec(TFloat32.class, 7, 6),
            LayerTestKit.spec(TFloat32.class, 4, 8),
            LayerTestKit.spec(TFloat32.class, 4, 9));
    assertEquals("(None, 7, 5)", Shapes.toKeras(out.get(0).shape()));
    LayerTestKit.assertWeights(
        layer, "kernel(6, 4, 2)", "kernel(9, 4, 2)", "kernel(8, 4, 3)", "kernel(4, 3, 5)");
  }

  @Test
  void gateAddsASigmoidProjectionOfTheQuery() {
    MultiHeadAttention layer = mha(MultiHeadAttentionConfig.builder(2, 3).useGate(true));
    LayerTestKit.assertOutputSpecMatchesGraph(
        layer, LayerTestKit.spec(TFloat32.class, 5, 6), LayerTestKit.spec(TFloat32.class, 4, 6));
    EinsumDense gate = (EinsumDense) layer.children().get("_gate_dense");
    assertEquals("gate", gate.name());
    assertEquals("sigmoid", gate.getConfig().activation().toString().toLowerCase());
    assertEquals(8 + 2, layer.weights().size());
  }

  @Test
  void scoresAreADistributionPerHeadAndMaskedPairsGetNone() {
    try (EagerRun run = new EagerRun()) {
      boolean[][] valueMask = {{true, true, false, true}, {true, false, true, true}};
      CallContext context =
          CallContext.inference()
              .withMasks(Arrays.asList(null, run.mask(valueMask)))
              .withArguments(
                  Map.of("return_attention_scores", true, "use_causal_mask", true), Map.of());
      MultiHeadAttention layer = mha(MultiHeadAttentionConfig.builder(2, 3));
      float[][][][] scores =
          (float[][][][])
              run.call(
                      layer,
                      context,
                      run.tensor(Sequences.of(2, 4, 6, 0)),
                      run.tensor(Sequences.of(2, 4, 6, 1)))
                  .get(1);
      assertEquals(2, scores[0].length, "heads");
      for (int b = 0; b < 2; b++) {
        for (float[][] head : scores[b]) {
          for (int i = 0; i < 4; i++) {
            assertEquals(1.0, Sequences.sum(head[i]), 1e-5);
            for (int j = 0; j < 4; j++) {
              if (!valueMask[b][j] || j > i) assertEquals(0f, head[i][j], b + "," + i + "," + j);
              else assertTrue(head[i][j] > 0);
            }
          }
        }
      }
    }
  }

  @Test
  void attentionMaskAndSlidingWindowLimitWhoAttendsToWhom() {
    try (EagerRun run = new EagerRun()) {
      float[][][] mask = new float[1][5][5];
      for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++) mask[0][i][j] = (i + j) % 2 == 0 ? 1 : 0;
      CallContext context =
          CallContext.inference()
              .withArguments(Map.of("return_attention_scores", true), Map.of("attention_mask", 2));
      MultiHeadAttention layer = mha(MultiHeadAttentionConfig.builder(1, 4).slidingWindow(2));
      float[][][] x = Sequences.of(1, 5, 6, 0);
      float[][][][] scores =
          (float[][][][])
              run.call(layer, context, run.tensor(x), run.tensor(x), run.tensor(mask)).get(1);
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) {
          boolean allowed = mask[0][i][j] == 1 && Math.abs(i - j) < 2;
          assertEquals(allowed, scores[0][0][i][j] > 0, i + "," + j);
        }
      }
    }
  }

  @Test
  void keyAsKeywordArgumentInAModel() {
    KerasTensor q = Input.of(5, 6);
    KerasTensor v = Input.of(4, 3);
    KerasTensor k = Input.of(4, 6);
    MultiHeadAttention layer = mha(MultiHeadAttentionConfig.builder(2, 3));
    KerasTensor y = layer.applyAll(CallArgs.of(q, v).withKwarg("key", k)).get(0);
    try (Functional model = new Functional(LayerArgs.named("m"), List.of(q, v, k), List.of(y))) {
      model.build();
      LayerTestKit.assertWeights(
          layer,
          "kernel(6, 2, 3)",
          "bias(2, 3)",
          "kernel(6, 2, 3)",
          "bias(2, 3)",
          "kernel(3, 2, 3)",
          "bias(2, 3)",
          "kernel(2, 3, 6)",
          "bias(6,)");
      float[][][] out =
          (float[][][])
              model
                  .predictArrays(
                      Sequences.of(2, 5, 6, 0), Sequences.of(2, 4, 3, 1), Sequences.of(2, 4, 6, 2))
                  .get(0);
      assertEquals(6, out[0][0].length);
    }
  }

  @Test
  void twoLayersInOneModelKeepTheirOwnWeights() {
    KerasTensor x = Input.of(4, 6);
    MultiHeadAttention first = mha(MultiHeadAttentionConfig.builder(2, 3));
    MultiHeadAttention second = mha(MultiHeadAttentionConfig.builder(2, 3));
    KerasTensor h = first.apply(List.of(x, x));
    KerasTensor y = second.apply(List.of(h, h));
    try (Functional model = new Functional(LayerArgs.named("stack"), x, y)) {
      model.build();
      assertEquals(16, model.weights().size());
      float[][][] out = (float[][][]) model.predictArrays((Object) Sequences.of(2, 4, 6, 0)).get(0);
      assertEquals(6, out[0][0].length);
    }
  }

  @Test
  void activityRegularizerGoesToTheProjectionsAndStaysInTheConfig() {
    MultiHeadAttention layer =
        new MultiHeadAttention(
            MultiHeadAttentionConfig.builder(2, 3).build(),
            LayerArgs.named("mha").withActivityRegularizer(new L2(0.01)));
    assertNull(layer.args().activityRegularizer(), "not applied to the attention output");
    assertEquals(new L2(0.01), layer.getConfig().activityRegularizer());
    LayerTestKit.assertOutputSpecMatchesGraph(
        layer, LayerTestKit.spec(TFloat32.class, 5, 6), LayerTestKit.spec(TFloat32.class, 4, 6));
    for (String name : List.of("query_dense", "key_dense", "value_dense", "output_dense")) {
      assertEquals(new L2(0.01), layer.children().get(name).args().activityRegularizer(), name);
    }
    LayerTestKit.assertConfigRoundTrip(layer);
  }

  @Test
  void differentiableAndTrainable() {
    KerasTensor q = Input.of(4, 6);
    KerasTensor v = Input.of(5, 6);
    MultiHeadAttention layer = mha(MultiHeadAttentionConfig.builder(2, 3).dropout(0.1));
    try (Functional model =
        new Functional(
            LayerArgs.named("mha_fit"), List.of(q, v), List.of(layer.apply(List.of(q, v))))) {
      float[][][] x = Sequences.of(8, 4, 6, 0);
      float[][][] target = Sequences.of(8, 4, 6, 2);
      PlainTraining.assertLossFalls(
          model, new Object[] {x, Sequences.of(8, 5, 6, 1)}, new Object[] {target}, 0.2f, 60);
    }
  }

  @Test
  void readsAndWritesTheConfigKerasWrote() throws Exception {
    MultiHeadAttention layer =
        (MultiHeadAttention) KerasWritten.assertReadsAndWritesBack("MultiHeadAttention");
    assertEquals(6, layer.getConfig().valueDim());
    assertNull(layer.getConfig().attentionAxes());
    LayerTestKit.assertConfigRoundTrip(
        mha(
            MultiHeadAttentionConfig.builder(4, 8)
                .attentionAxes(List.of(-2))
                .outputShape(List.of(3L, 2L))
                .seed(1L)));
  }

  @Test
  void invalidArgumentsAreRefusedInKerasWords() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> MultiHeadAttentionConfig.builder(0, 3).build());
    assertTrue(e.getMessage().contains("Received: num_heads=0"), e.getMessage());
    IllegalArgumentException shapes =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LayerTestKit.assertOutputSpecMatchesGraph(
                    mha(MultiHeadAttentionConfig.builder(2, 3)),
                    LayerTestKit.spec(TFloat32.class, 5, 6),
                    LayerTestKit.spec(TFloat32.class, 4, 6),
                    LayerTestKit.spec(TFloat32.class, 3, 6)));
    assertTrue(shapes.getMessage().contains("except the last one"), shapes.getMessage());
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 q = gaussian(TFloat64.class, 1, 2, 3, 4);
        TFloat64 v = gaussian(TFloat64.class, 2, 2, 5, 6)) {
      assertGradientsMatchFiniteDifferences(
          new MultiHeadAttention(
              MultiHeadAttentionConfig.builder(2, 3).useGate(true).build(), FLOAT64),
          CallContext.of(true).withArguments(Map.of("return_attention_scores", true), Map.of()),
          q,
          v);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 q = gaussian(TFloat32.class, 3, 2, 3, 4);
        TFloat32 v = gaussian(TFloat32.class, 4, 2, 5, 6)) {
      assertTrainingStepLowersLoss(
          new MultiHeadAttention(MultiHeadAttentionConfig.builder(2, 3).build()), q, v);
    }
  }
}

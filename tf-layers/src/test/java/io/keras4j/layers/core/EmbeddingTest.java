package io.keras4j.layers.core;

import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.assertWeights;
import static io.keras4j.testing.LayerTestKit.predict;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.initializers.RandomUniform;
import io.keras4j.layers.CallContext;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

class EmbeddingTest {

  private static final KerasRegistry REGISTRY = KerasRegistry.builtins();

  @Test
  void oneWeightOfVocabularyByOutputDim() {
    Embedding embedding = new Embedding(EmbeddingConfig.builder(20, 6).build());
    assertOutputSpecMatchesGraph(embedding, spec(TInt32.class, 7));
    assertWeights(embedding, "embeddings(20, 6)");
  }

  @Test
  void outputIsFloatForIntegerAndFloatIds() {
    assertOutputSpecMatchesGraph(
        new Embedding(EmbeddingConfig.builder(20, 6).build()), spec(TInt32.class, 7));
    assertOutputSpecMatchesGraph(
        new Embedding(EmbeddingConfig.builder(20, 4).build()), spec(TInt64.class, 3, 5));
    assertOutputSpecMatchesGraph(
        new Embedding(EmbeddingConfig.builder(20, 4).build()), spec(TFloat32.class, 5));
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(
        new Embedding(EmbeddingConfig.builder(100, 16).maskZero(true).build()), REGISTRY);
  }

  @Test
  void configJsonRoundTrip() throws Exception {
    EmbeddingConfig config =
        EmbeddingConfig.builder(100, 16)
            .maskZero(true)
            .embeddingsInitializer(new RandomUniform(null, -0.1, 0.1))
            .build();
    JsonNode json = write(config);
    EmbeddingConfig copy = read(json);
    assertEquals(config, copy);
    assertEquals(json, write(copy));
    assertTrue(json.get("quantization_config").isNull(), "Keras writes quantization_config: null");
    assertFalse(json.has("lora_rank"), "Keras writes lora_rank only when LoRA is on");
    assertTrue(
        json.has("activity_regularizer"), "Keras writes activity_regularizer, null included");
  }

  @Test
  void readsKerasThreeJson() throws Exception {
    EmbeddingConfig c =
        read(
            json(
                "{'input_dim': 20, 'output_dim': 6, 'embeddings_initializer': {'module':"
                    + " 'keras.initializers', 'class_name': 'RandomUniform', 'config': {'seed':"
                    + " null, 'minval': -0.05, 'maxval': 0.05}, 'registered_name': null},"
                    + " 'embeddings_regularizer': null, 'embeddings_constraint': null,"
                    + " 'mask_zero': false, 'quantization_config': null}"));
    assertEquals(EmbeddingConfig.builder(20, 6).build(), c);
  }

  @Test
  void acceptsKerasTwoInputLengthAndDropsIt() throws Exception {
    EmbeddingConfig c = read(json("{'input_dim': 10, 'output_dim': 3, 'input_length': 7}"));
    assertEquals(EmbeddingConfig.builder(10, 3).build(), c);
    assertFalse(write(c).has("input_length"));
  }

  @Test
  void loraAndQuantizationFailLoudly() {
    Exception lora =
        assertThrows(
            Exception.class,
            () -> read(json("{'input_dim': 10, 'output_dim': 3, 'lora_rank': 4}")));
    assertTrue(lora.getMessage().contains("lora_rank"), lora.getMessage());
    Exception quantized =
        assertThrows(
            Exception.class,
            () ->
                read(
                    json(
                        "{'input_dim': 10, 'output_dim': 3, 'quantization_config':"
                            + " {'mode': 'int8'}}")));
    assertTrue(quantized.getMessage().contains("quantization_config"), quantized.getMessage());
  }

  @Test
  void dimensionsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> EmbeddingConfig.builder(0, 3).build());
    assertThrows(IllegalArgumentException.class, () -> EmbeddingConfig.builder(3, -1).build());
  }

  @Test
  void equalIdsGiveEqualVectors() {
    Embedding embedding =
        new Embedding(
            EmbeddingConfig.builder(10, 5)
                .embeddingsInitializer(new RandomUniform(1L, -1.0, 1.0))
                .build());
    int[][] ids = {{3, 1, 3}, {1, 0, 9}};
    try (TInt32 in = TInt32.tensorOf(StdArrays.ndCopyOf(ids));
        Result r = predict(embedding, in)) {
      float[][][] y = StdArrays.array3dCopyOf((TFloat32) r.get(0));
      assertEquals(List.of(2, 3, 5), List.of(y.length, y[0].length, y[0][0].length));
      assertArrayEquals(y[0][0], y[0][2], "id 3 twice");
      assertArrayEquals(y[0][1], y[1][0], "id 1 in two examples");
      assertFalse(Arrays.equals(y[0][0], y[0][1]), "ids 3 and 1 differ");
    }
  }

  @Test
  void maskZeroMasksThePadding() {
    Embedding masking = new Embedding(EmbeddingConfig.builder(10, 4).maskZero(true).build());
    Embedding plain = new Embedding(EmbeddingConfig.builder(10, 4).build());
    assertTrue(masking.supportsMasking());
    assertFalse(plain.supportsMasking());
    int[][] ids = {{4, 0, 2}, {0, 0, 7}};
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TInt32> x = tf.constant(ids);
      masking.apply(tf, List.of(x), CallContext.inference());
      Operand<TBool> mask = masking.computeMask(tf, List.of(x), List.of(), 1).get(0);
      boolean[][] m = StdArrays.array2dCopyOf(mask.asTensor());
      for (int i = 0; i < ids.length; i++) {
        for (int j = 0; j < ids[i].length; j++) assertEquals(ids[i][j] != 0, m[i][j]);
      }
      assertNull(plain.computeMask(tf, List.of(x), List.of(), 1).get(0));
    }
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("Embedding");
  }

  private static JsonNode json(String text) throws Exception {
    return KerasJson.mapper().readTree(text.replace('\'', '"'));
  }

  private static JsonNode write(EmbeddingConfig config) throws Exception {
    String text =
        KerasJson.mapper()
            .writer()
            .withAttribute(KerasRegistry.class, REGISTRY)
            .writeValueAsString(config);
    return KerasJson.mapper().readTree(text);
  }

  private static EmbeddingConfig read(JsonNode json) throws Exception {
    return KerasJson.mapper()
        .readerFor(EmbeddingConfig.class)
        .withAttribute(ReadContext.class, ReadContext.of(REGISTRY))
        .readValue(json);
  }

  private static final int[][] IDS = {{0, 3, 7, 3}, {19, 1, 0, 12}, {5, 5, 2, 8}};

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TInt32 ids = TInt32.tensorOf(StdArrays.ndCopyOf(IDS))) {
      assertGradientsMatchFiniteDifferences(
          new Embedding(EmbeddingConfig.builder(20, 6).build(), FLOAT64), ids);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TInt32 ids = TInt32.tensorOf(StdArrays.ndCopyOf(IDS))) {
      assertTrainingStepLowersLoss(new Embedding(EmbeddingConfig.builder(20, 6).build()), ids);
    }
  }
}

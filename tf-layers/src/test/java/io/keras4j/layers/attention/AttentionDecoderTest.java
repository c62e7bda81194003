package io.keras4j.layers.attention;

import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.core.Input;
import io.keras4j.models.Functional;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.testing.LayerTestKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class AttentionDecoderTest {

  private static AttentionDecoder decoder(boolean returnProbabilities) {
    return new AttentionDecoder(
        AttentionDecoderConfig.builder(8, 5).returnProbabilities(returnProbabilities).build());
  }

  @Test
  void weightsAreCreatedInTheSeedFilesOrder() {
    AttentionDecoder layer = decoder(false);
    LayerTestKit.assertOutputSpecMatchesGraph(layer, LayerTestKit.spec(TFloat32.class, 6, 7));
    LayerTestKit.assertWeights(
        layer,
        "V_a(8,)",
        "W_a(8, 8)",
        "U_a(7, 8)",
        "b_a(8,)",
        "C_r(7, 8)",
        "U_r(8, 8)",
        "W_r(5, 8)",
        "b_r(8,)",
        "C_z(7, 8)",
        "U_z(8, 8)",
        "W_z(5, 8)",
        "b_z(8,)",
        "C_p(7, 8)",
        "U_p(8, 8)",
        "W_p(5, 8)",
        "b_p(8,)",
        "C_o(7, 5)",
        "U_o(8, 5)",
        "W_o(5, 5)",
        "b_o(5,)",
        "W_s(7, 8)");
    assertEquals(801, layer.countParams(), "the seed_attention_decoder fixture's parameter count");
  }

  @Test
  void outputShapesWithAndWithoutProbabilities() {
    List<TensorSpec> outputs =
        LayerTestKit.assertOutputSpecMatchesGraph(
            decoder(false), LayerTestKit.spec(TFloat32.class, 6, 7));
    assertEquals("(None, 6, 5)", Shapes.toKeras(outputs.get(0).shape()));
    List<TensorSpec> probabilities =
        LayerTestKit.assertOutputSpecMatchesGraph(
            decoder(true), LayerTestKit.spec(TFloat32.class, 6, 7));
    assertEquals("(None, 6, 6)", Shapes.toKeras(probabilities.get(0).shape()));
  }

  @Test
  void everyStepEmitsADistribution() {
    float[][][] x = Sequences.of(3, 6, 7, 0.2);
    float[][][] y = (float[][][]) Sequences.run(decoder(false), (Object) x).get(0);
    float[][][] a = (float[][][]) Sequences.run(decoder(true), (Object) x).get(0);
    for (float[][][] out : List.of(y, a)) {
      for (float[][] sample : out) {
        for (float[] step : sample) {
          assertEquals(1.0, Sequences.sum(step), 1e-5);
          for (float p : step) assertTrue(p > 0 && p < 1, "a probability: " + p);
        }
      }
    }
  }

  @Test
  void everyWeightIsDifferentiableWithoutAWhileLoop() {
    AttentionDecoder layer = decoder(false);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 6, 7)));
      Operand<TFloat32> y =
          Tensors.floating(layer.apply(tf, List.of(x), CallContext.of(true)).get(0));
      Operand<TFloat32> loss = tf.sum(y, tf.constant(new int[] {0, 1, 2}));
      List<Output<?>> reads = new ArrayList<>();
      g.operations()
          .forEachRemaining(
              op -> {
                if (op.type().equals("ReadVariableOp")) reads.add(((GraphOperation) op).output(0));
              });
      assertEquals(21, reads.size(), "one read per weight");
      for (Output<?> grad : g.addGradients(loss.asOutput(), reads.toArray(Output[]::new)))
        assertNotNull(grad);
      g.operations()
          .forEachRemaining(op -> assertTrue(!op.type().equals("While"), "no while loop"));
      layer.weights().forEach(w -> w.detach(g));
    }
  }

  @Test
  void trainingLowersTheLoss() {
    KerasTensor in = Input.of(6, 7);
    AttentionDecoder layer = decoder(false);
    try (Functional model = new Functional(LayerArgs.named("decoder"), in, layer.apply(in))) {
      float[][][] x = Sequences.of(8, 6, 7, 0.3);
      float[][][] y = new float[8][6][5];
      for (int b = 0; b < 8; b++) {
        for (int t = 0; t < 6; t++) y[b][t][t % 5] = 1; // one-hot targets to learn
      }
      PlainTraining.assertLossFalls(model, new Object[] {x}, new Object[] {y}, 5.0f, 40);
    }
  }

  @Test
  void configRoundTripUnderTheSeedKey() {
    AttentionDecoder layer =
        new AttentionDecoder(
            AttentionDecoderConfig.builder(32, 6).returnProbabilities(true).build(),
            LayerArgs.named("att"));
    LayerTestKit.assertConfigRoundTrip(layer);
    ObjectNode json = ConfigSerializer.of(KerasRegistry.builtins()).serialize(layer);
    assertEquals("seed>AttentionDecoder", json.get("registered_name").asText());
    assertTrue(json.get("module").isNull());
    assertEquals("Orthogonal", json.at("/config/recurrent_initializer/class_name").asText());
    assertTrue(
        KerasRegistry.builtins().layer("AttentionDecoder").isPresent(), "found by class name");
  }

  @Test
  void readsAndWritesTheConfigKerasWrote() throws Exception {
    AttentionDecoder layer =
        (AttentionDecoder) KerasWritten.assertReadsAndWritesBack("AttentionDecoder");
    assertEquals(32, layer.getConfig().units());
    assertTrue(layer.getConfig().returnProbabilities());
    assertNotNull(layer.getConfig().kernelRegularizer());
  }

  @Test
  void unknownTimeStepsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LayerTestKit.assertOutputSpecMatchesGraph(
                    decoder(false), LayerTestKit.spec(TFloat32.class, -1, 7)));
    assertTrue(e.getMessage().contains("(None, None, 7)"), e.getMessage());
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new AttentionDecoder(AttentionDecoderConfig.builder(5, 4).build(), FLOAT64), x);
      assertGradientsMatchFiniteDifferences(
          new AttentionDecoder(
              AttentionDecoderConfig.builder(5, 4).returnProbabilities(true).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 3)) {
      assertTrainingStepLowersLoss(
          new AttentionDecoder(AttentionDecoderConfig.builder(5, 4).build()), x);
    }
  }
}

package io.keras4j.layers.recurrent;

import static io.keras4j.layers.recurrent.Eager.assertClose;
import static io.keras4j.layers.recurrent.Eager.seeded;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import io.keras4j.testing.LayerTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class GRUTest {

  private static GRUConfig.Builder seededConfig(int units) {
    return GRUConfig.builder(units)
        .kernelInitializer(seeded(1))
        .recurrentInitializer(seeded(2))
        .biasInitializer(seeded(3));
  }

  @Test
  void reset_after_keeps_an_input_and_a_recurrent_bias() {
    GRU gru = new GRU(GRUConfig.builder(5).build(), LayerArgs.named("gru"));
    Eager.build(gru, 6, 4);
    assertEquals("gru_cell", gru.cell().name());
    LayerTestKit.assertWeights(gru, "kernel(4, 15)", "recurrent_kernel(5, 15)", "bias(2, 15)");
  }

  @Test
  void reset_before_keeps_one_bias() {
    GRU gru = new GRU(GRUConfig.builder(5).resetAfter(false).build());
    Eager.build(gru, 6, 4);
    LayerTestKit.assertWeights(gru, "kernel(4, 15)", "recurrent_kernel(5, 15)", "bias(15,)");
  }

  @Test
  void output_shapes_follow_return_sequences_and_return_state() {
    TensorSpec in = spec(TFloat32.class, 6, 4);
    assertShapes(GRUConfig.builder(5).build(), in, "(None, 5)");
    assertShapes(GRUConfig.builder(5).returnSequences(true).build(), in, "(None, 6, 5)");
    assertShapes(
        GRUConfig.builder(5).returnSequences(true).returnState(true).resetAfter(false).build(),
        in,
        "(None, 6, 5)",
        "(None, 5)");
  }

  private static void assertShapes(GRUConfig config, TensorSpec in, String... expected) {
    List<TensorSpec> specs = LayerTestKit.assertOutputSpecMatchesGraph(new GRU(config), in);
    assertEquals(List.of(expected), specs.stream().map(s -> Shapes.toKeras(s.shape())).toList());
  }

  @Test
  void going_backwards_over_a_sequence_equals_going_forwards_over_its_reverse() {
    for (boolean resetAfter : new boolean[] {true, false}) {
      float[][][] x = Eager.sequence(3, 5, 4, 0.2);
      GRU backwards = new GRU(seededConfig(3).resetAfter(resetAfter).goBackwards(true).build());
      GRU forwards = new GRU(seededConfig(3).resetAfter(resetAfter).build());
      float[][] b = (float[][]) Eager.run(backwards, x).get(0);
      float[][] f = (float[][]) Eager.run(forwards, Eager.reversed(x)).get(0);
      assertClose(f, b, 1e-6);
    }
  }

  @Test
  void the_two_reset_conventions_compute_different_functions() {
    float[][][] x = Eager.sequence(2, 4, 4, 0.9);
    float[][] after =
        (float[][]) Eager.run(new GRU(seededConfig(3).useBias(false).build()), x).get(0);
    float[][] before =
        (float[][])
            Eager.run(new GRU(seededConfig(3).useBias(false).resetAfter(false).build()), x).get(0);
    assertTrue(Math.abs(after[0][0] - before[0][0]) > 1e-5);
  }

  @Test
  void a_masked_tail_keeps_the_output_of_the_last_unmasked_step() {
    float[][][] x = Eager.sequence(2, 5, 4, 0.5);
    boolean[][] mask = {{true, true, false, false, false}, {true, true, true, true, true}};
    GRU gru = new GRU(seededConfig(3).returnSequences(true).returnState(true).build());
    List<Object> out = Eager.run(gru, x, mask);
    float[][][] y = (float[][][]) out.get(0);
    assertArrayEquals(y[0][1], y[0][4]);
    assertArrayEquals(y[0][1], ((float[][]) out.get(1))[0]);
  }

  @Test
  void keras_per_gate_implementation_computes_the_same_function() {
    // With a vanishing rate every dropout mask is one, so training runs Keras' per-gate
    // implementation (chosen by recurrent_dropout) on the same function as inference.
    for (boolean resetAfter : new boolean[] {true, false}) {
      float[][][] x = Eager.sequence(2, 4, 4, 0.3);
      GRU gru =
          new GRU(
              seededConfig(3)
                  .resetAfter(resetAfter)
                  .dropout(1e-12)
                  .recurrentDropout(1e-12)
                  .returnSequences(true)
                  .build());
      assertClose(
          (float[][][]) Eager.run(gru, x).get(0),
          (float[][][]) Eager.runTraining(gru, x).get(0),
          1e-6);
    }
  }

  @Test
  void a_keras_2_file_without_reset_after_reads_as_reset_before() throws Exception {
    JsonNode json =
        KerasJson.mapper()
            .readTree(
                "{\"class_name\": \"GRU\", \"config\": {\"name\": \"gru_1\", \"units\": 4,"
                    + " \"implementation\": 1, \"time_major\": false}}");
    ConfigSerializer keras2 =
        ConfigSerializer.of(ReadContext.of(KerasRegistry.builtins()).withKerasVersion("2.1.2"));
    assertFalse(((GRU) keras2.deserialize(json)).getConfig().resetAfter());
    ConfigSerializer keras3 =
        ConfigSerializer.of(ReadContext.of(KerasRegistry.builtins()).withKerasVersion("3.16.0"));
    assertTrue(((GRU) keras3.deserialize(json)).getConfig().resetAfter());
    ConfigSerializer unknown = ConfigSerializer.of(KerasRegistry.builtins());
    assertTrue(((GRU) unknown.deserialize(json)).getConfig().resetAfter());
  }

  @Test
  void a_keras_2_file_with_reset_after_keeps_it() throws Exception {
    JsonNode json =
        KerasJson.mapper()
            .readTree(
                "{\"class_name\": \"GRU\", \"config\": {\"name\": \"gru_1\", \"units\": 4,"
                    + " \"reset_after\": true}}");
    ConfigSerializer keras2 =
        ConfigSerializer.of(ReadContext.of(KerasRegistry.builtins()).withKerasVersion("2.4.0"));
    assertTrue(((GRU) keras2.deserialize(json)).getConfig().resetAfter());
  }

  @Test
  void the_config_keras_wrote_reads_and_writes_back_the_same_json() {
    GRU gru = (GRU) KerasConfigs.assertReadsAndWritesBack("GRU");
    assertFalse(gru.getConfig().resetAfter());
    assertTrue(gru.getConfig().goBackwards());
  }

  @Test
  void config_round_trips_through_json_and_the_registry() {
    GRU gru =
        new GRU(
            GRUConfig.builder(4).resetAfter(false).returnState(true).dropout(0.1).seed(3L).build(),
            LayerArgs.named("decoder"));
    Eager.build(gru, 5, 2);
    LayerTestKit.assertConfigRoundTrip(gru);
  }

  @Test
  void one_gradient_step_lowers_the_loss() {
    for (boolean resetAfter : new boolean[] {true, false}) {
      Training.assertOneStepLowersTheLoss(
          new GRU(seededConfig(3).resetAfter(resetAfter).returnSequences(true).build()),
          Eager.sequence(2, 4, 4, 0.4));
    }
  }

  @Test
  void trains_with_dropout_and_recurrent_dropout() {
    Training.assertTrainingStepRuns(
        new GRU(seededConfig(3).dropout(0.3).recurrentDropout(0.3).build()),
        Eager.sequence(2, 4, 4, 0.4));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new GRU(GRUConfig.builder(3).returnSequences(true).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 3)) {
      assertTrainingStepLowersLoss(new GRU(GRUConfig.builder(3).returnSequences(true).build()), x);
    }
  }

  @Test
  void resetBeforeGradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new GRU(GRUConfig.builder(3).resetAfter(false).returnState(true).build(), FLOAT64), x);
    }
  }
}

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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.testing.LayerTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class SimpleRNNTest {

  private static SimpleRNNConfig.Builder seededConfig(int units) {
    return SimpleRNNConfig.builder(units)
        .kernelInitializer(seeded(1))
        .recurrentInitializer(seeded(2))
        .biasInitializer(seeded(3));
  }

  @Test
  void weights_live_in_the_cell_with_keras_names_shapes_and_order() {
    SimpleRNN rnn = new SimpleRNN(SimpleRNNConfig.builder(5).build());
    Eager.build(rnn, 6, 4);
    assertEquals("simple_rnn_cell", rnn.cell().name());
    LayerTestKit.assertWeights(rnn, "kernel(4, 5)", "recurrent_kernel(5, 5)", "bias(5,)");
    assertEquals(50, rnn.countParams());
  }

  @Test
  void output_shapes_follow_return_sequences_and_return_state() {
    TensorSpec in = spec(TFloat32.class, 6, 4);
    assertShapes(SimpleRNNConfig.builder(5).build(), in, "(None, 5)");
    assertShapes(SimpleRNNConfig.builder(5).returnSequences(true).build(), in, "(None, 6, 5)");
    assertShapes(
        SimpleRNNConfig.builder(5).returnState(true).build(), in, "(None, 5)", "(None, 5)");
  }

  private static void assertShapes(SimpleRNNConfig config, TensorSpec in, String... expected) {
    List<TensorSpec> specs = LayerTestKit.assertOutputSpecMatchesGraph(new SimpleRNN(config), in);
    assertEquals(List.of(expected), specs.stream().map(s -> Shapes.toKeras(s.shape())).toList());
  }

  @Test
  void the_state_is_the_last_output() {
    SimpleRNN rnn = new SimpleRNN(seededConfig(3).returnSequences(true).returnState(true).build());
    List<Object> out = Eager.run(rnn, Eager.sequence(2, 4, 2, 0.1));
    assertClose(Eager.step((float[][][]) out.get(0), 3), (float[][]) out.get(1), 0);
  }

  @Test
  void going_backwards_over_a_sequence_equals_going_forwards_over_its_reverse() {
    float[][][] x = Eager.sequence(3, 6, 4, 0.3);
    SimpleRNN backwards =
        new SimpleRNN(seededConfig(5).activation(BuiltinActivation.RELU).goBackwards(true).build());
    SimpleRNN forwards = new SimpleRNN(seededConfig(5).activation(BuiltinActivation.RELU).build());
    assertClose(
        (float[][]) Eager.run(forwards, Eager.reversed(x)).get(0),
        (float[][]) Eager.run(backwards, x).get(0),
        1e-6);
  }

  @Test
  void a_masked_tail_keeps_the_output_of_the_last_unmasked_step() {
    float[][][] x = Eager.sequence(1, 5, 4, 0.5);
    boolean[][] mask = {{true, true, true, false, false}};
    SimpleRNN rnn = new SimpleRNN(seededConfig(3).build());
    float[][] last = (float[][]) Eager.run(rnn, x, mask).get(0);
    float[][][] prefix = {java.util.Arrays.copyOf(x[0], 3)};
    assertArrayEquals(((float[][]) Eager.run(rnn, prefix).get(0))[0], last[0]);
  }

  @Test
  void dropout_in_training_changes_the_output_and_inference_ignores_it() {
    float[][][] x = Eager.sequence(2, 4, 4, 0.3);
    SimpleRNN plain = new SimpleRNN(seededConfig(6).build());
    SimpleRNN dropped = new SimpleRNN(seededConfig(6).dropout(0.5).recurrentDropout(0.5).build());
    float[][] reference = (float[][]) Eager.run(plain, x).get(0);
    assertClose(reference, (float[][]) Eager.run(dropped, x).get(0), 0);
    float[][] training = (float[][]) Eager.runTraining(dropped, x).get(0);
    boolean differs = false;
    for (int b = 0; b < 2; b++) {
      for (int i = 0; i < 6; i++) differs |= Math.abs(training[b][i] - reference[b][i]) > 1e-5;
    }
    assertTrue(differs);
  }

  @Test
  void the_seed_is_written_only_when_set_as_keras_writes_no_seed() {
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    JsonNode unseeded =
        serializer.serialize(new SimpleRNN(SimpleRNNConfig.builder(2).build())).get("config");
    assertFalse(unseeded.has("seed"));
    JsonNode seeded =
        serializer
            .serialize(new SimpleRNN(SimpleRNNConfig.builder(2).seed(7L).build()))
            .get("config");
    assertEquals(7, seeded.get("seed").asInt());
  }

  @Test
  void config_round_trips_through_json_and_the_registry() {
    SimpleRNN rnn =
        new SimpleRNN(
            SimpleRNNConfig.builder(3)
                .activation(BuiltinActivation.RELU)
                .useBias(false)
                .returnSequences(true)
                .unroll(true)
                .build(),
            LayerArgs.named("rnn"));
    Eager.build(rnn, 4, 2);
    LayerTestKit.assertConfigRoundTrip(rnn);
  }

  @Test
  void dropout_rates_are_clipped_as_keras_clips_them() {
    SimpleRNNConfig c = SimpleRNNConfig.builder(2).dropout(1.5).recurrentDropout(-1).build();
    assertEquals(1.0, c.dropout());
    assertEquals(0.0, c.recurrentDropout());
    assertThrows(IllegalArgumentException.class, () -> SimpleRNNConfig.builder(0).build());
  }

  @Test
  void one_gradient_step_lowers_the_loss() {
    Training.assertOneStepLowersTheLoss(
        new SimpleRNN(seededConfig(3).returnSequences(true).build()), Eager.sequence(2, 4, 4, 0.4));
    Training.assertTrainingStepRuns(
        new SimpleRNN(seededConfig(3).dropout(0.2).recurrentDropout(0.2).build()),
        Eager.sequence(2, 4, 4, 0.4));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new SimpleRNN(SimpleRNNConfig.builder(3).returnSequences(true).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 3)) {
      assertTrainingStepLowersLoss(
          new SimpleRNN(SimpleRNNConfig.builder(3).returnSequences(true).build()), x);
    }
  }
}

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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import io.keras4j.testing.LayerTestKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class BidirectionalTest {

  private static LSTM lstm(int units, boolean returnSequences) {
    return new LSTM(
        LSTMConfig.builder(units)
            .kernelInitializer(seeded(1))
            .recurrentInitializer(seeded(2))
            .biasInitializer(seeded(3))
            .returnSequences(returnSequences)
            .build(),
        LayerArgs.named("lstm"));
  }

  private static Bidirectional bidirectional(LSTM layer, String mergeMode) {
    return new Bidirectional(BidirectionalConfig.builder(layer).mergeMode(mergeMode).build());
  }

  @Test
  void owns_a_forward_and_a_backward_copy_named_as_keras_names_them() {
    LSTM layer = lstm(4, true);
    Bidirectional bi = bidirectional(layer, "concat");
    assertEquals(
        List.of("forward_layer", "backward_layer"), new ArrayList<>(bi.children().keySet()));
    assertEquals("forward_lstm", bi.forwardLayer().name());
    assertEquals("backward_lstm", bi.backwardLayer().name());
    assertFalse(bi.forwardLayer().getConfig().goBackwards());
    assertTrue(bi.backwardLayer().getConfig().goBackwards());
    // Keras forces zero_output_for_mask to return_sequences on both copies.
    assertTrue(bi.forwardLayer().getConfig().zeroOutputForMask());
    assertTrue(bi.backwardLayer().getConfig().zeroOutputForMask());
    Eager.build(bi, 5, 3);
    LayerTestKit.assertWeights(
        bi,
        "kernel(3, 16)",
        "recurrent_kernel(4, 16)",
        "bias(16,)",
        "kernel(3, 16)",
        "recurrent_kernel(4, 16)",
        "bias(16,)");
    assertSame(bi.forwardLayer().cell().weights().get(0), bi.weights().get(0));
    assertSame(bi.backwardLayer().cell().weights().get(0), bi.weights().get(3));
  }

  @Test
  void concat_halves_are_the_forward_layer_and_the_reversed_backward_layer_alone() {
    float[][][] x = Eager.sequence(2, 5, 3, 0.2);
    Bidirectional bi = bidirectional(lstm(4, true), "concat");
    float[][][] y = (float[][][]) Eager.run(bi, x).get(0);
    float[][][] forward = (float[][][]) Eager.run(bi.forwardLayer(), x).get(0);
    float[][][] backward = (float[][][]) Eager.run(bi.backwardLayer(), x).get(0);
    assertClose(forward, Eager.features(y, 0, 4), 0);
    assertClose(Eager.reversed(backward), Eager.features(y, 4, 8), 0);
  }

  @Test
  void merge_modes_combine_the_two_directions() {
    float[][][] x = Eager.sequence(2, 4, 3, 0.7);
    Bidirectional separate = bidirectional(lstm(3, false), null);
    List<Object> both = Eager.run(separate, x);
    float[][] f = (float[][]) both.get(0);
    float[][] b = (float[][]) both.get(1);
    for (String mode : new String[] {"sum", "mul", "ave"}) {
      Bidirectional bi = bidirectional(lstm(3, false), mode);
      float[][] y = (float[][]) Eager.run(bi, x).get(0);
      float[][] expected = new float[f.length][f[0].length];
      for (int i = 0; i < f.length; i++) {
        for (int j = 0; j < f[0].length; j++) {
          expected[i][j] =
              switch (mode) {
                case "sum" -> f[i][j] + b[i][j];
                case "mul" -> f[i][j] * b[i][j];
                default -> (f[i][j] + b[i][j]) / 2;
              };
        }
      }
      assertClose(expected, y, 1e-6);
    }
  }

  @Test
  void output_shapes_follow_merge_mode_and_return_state() {
    TensorSpec in = spec(TFloat32.class, 5, 3);
    assertShapes(bidirectional(lstm(4, true), "concat"), in, "(None, 5, 8)");
    assertShapes(bidirectional(lstm(4, true), "sum"), in, "(None, 5, 4)");
    assertShapes(bidirectional(lstm(4, false), null), in, "(None, 4)", "(None, 4)");
    LSTM withState =
        new LSTM(LSTMConfig.builder(4).returnState(true).build(), LayerArgs.named("s"));
    assertShapes(
        bidirectional(withState, "concat"),
        in,
        "(None, 8)",
        "(None, 4)",
        "(None, 4)",
        "(None, 4)",
        "(None, 4)");
  }

  private static void assertShapes(Bidirectional bi, TensorSpec in, String... expected) {
    List<TensorSpec> specs = LayerTestKit.assertOutputSpecMatchesGraph(bi, in);
    assertEquals(List.of(expected), specs.stream().map(s -> Shapes.toKeras(s.shape())).toList());
  }

  @Test
  void return_state_gives_the_forward_then_the_backward_states() {
    float[][][] x = Eager.sequence(2, 4, 3, 0.3);
    GRU gru =
        new GRU(
            GRUConfig.builder(3)
                .kernelInitializer(seeded(4))
                .recurrentInitializer(seeded(5))
                .returnState(true)
                .build(),
            LayerArgs.named("gru"));
    Bidirectional bi = new Bidirectional(BidirectionalConfig.builder(gru).build());
    List<Object> out = Eager.run(bi, x);
    assertEquals(3, out.size());
    assertClose((float[][]) Eager.run(bi.forwardLayer(), x).get(1), (float[][]) out.get(1), 0);
    assertClose((float[][]) Eager.run(bi.backwardLayer(), x).get(1), (float[][]) out.get(2), 0);
  }

  @Test
  void initial_states_are_split_between_the_directions() {
    float[][][] x = Eager.sequence(1, 3, 3, 0.3);
    Bidirectional bi = bidirectional(lstm(2, false), "concat");
    float[][] h = {{0.5f, -0.5f}};
    float[][] c = {{1f, 0f}};
    float[][] zero = {{0f, 0f}};
    float[][] y = (float[][]) Eager.run(bi, x, h, c, zero, zero).get(0);
    float[][] forward = (float[][]) Eager.run(bi.forwardLayer(), x, h, c).get(0);
    float[][] backward = (float[][]) Eager.run(bi.backwardLayer(), x).get(0);
    assertArrayEquals(forward[0], java.util.Arrays.copyOfRange(y[0], 0, 2));
    assertArrayEquals(backward[0], java.util.Arrays.copyOfRange(y[0], 2, 4));
  }

  @Test
  void masked_steps_are_zero_in_both_halves() {
    float[][][] x = Eager.sequence(1, 4, 3, 0.3);
    boolean[][] mask = {{true, true, true, false}};
    float[][][] y = (float[][][]) Eager.run(bidirectional(lstm(2, true), "concat"), x, mask).get(0);
    assertArrayEquals(new float[4], y[0][3]);
  }

  @Test
  void a_keras_2_file_wrapping_a_backward_layer_reverses_both_copies() throws Exception {
    // Keras 2 wrote only `layer`; its backward copy flipped go_backwards.
    JsonNode json =
        KerasJson.mapper()
            .readTree(
                "{\"class_name\": \"Bidirectional\", \"config\": {\"name\": \"bi\","
                    + " \"merge_mode\": \"concat\", \"layer\": {\"class_name\": \"SimpleRNN\","
                    + " \"config\": {\"name\": \"simple_rnn\", \"units\": 2, \"go_backwards\":"
                    + " true, \"time_major\": false}}}}");
    Bidirectional bi =
        (Bidirectional)
            ConfigSerializer.of(ReadContext.of(KerasRegistry.builtins()).withKerasVersion("2.4.0"))
                .deserialize(json);
    assertTrue(bi.forwardLayer().getConfig().goBackwards());
    assertFalse(bi.backwardLayer().getConfig().goBackwards());
    assertEquals("forward_simple_rnn", bi.forwardLayer().name());
    assertEquals("backward_simple_rnn", bi.backwardLayer().name());
  }

  @Test
  void refuses_layers_that_cannot_make_a_pair() {
    assertThrows(
        IllegalArgumentException.class,
        () -> BidirectionalConfig.builder(lstm(2, true)).mergeMode("max").build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BidirectionalConfig.builder(lstm(2, true))
                .layer(new Dense(DenseConfig.builder(2).build()))
                .build());
    // A given backward layer must read the other way and return the same things.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Bidirectional(
                BidirectionalConfig.builder(lstm(2, true)).backwardLayer(lstm(2, true)).build()));
    LSTM backwards =
        new LSTM(LSTMConfig.builder(2).goBackwards(true).build(), LayerArgs.named("back"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Bidirectional(
                BidirectionalConfig.builder(lstm(2, true)).backwardLayer(backwards).build()));
  }

  @Test
  void the_config_keras_wrote_reads_and_writes_back_the_same_json() {
    Bidirectional bi = (Bidirectional) KerasConfigs.assertReadsAndWritesBack("Bidirectional");
    assertEquals("ave", bi.getConfig().mergeMode());
    assertEquals("forward_lstm_11", bi.forwardLayer().name());
    assertEquals("backward_lstm_11", bi.backwardLayer().name());
  }

  @Test
  void config_round_trips_through_json_and_the_registry() {
    LayerTestKit.assertConfigRoundTrip(bidirectional(lstm(3, true), "mul"));
    LayerTestKit.assertConfigRoundTrip(bidirectional(lstm(3, false), null));
  }

  @Test
  void one_gradient_step_lowers_the_loss() {
    Training.assertOneStepLowersTheLoss(
        bidirectional(lstm(3, true), "concat"), Eager.sequence(2, 4, 3, 0.4));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new Bidirectional(
              BidirectionalConfig.builder(
                      new LSTM(LSTMConfig.builder(3).returnSequences(true).build(), FLOAT64))
                  .mergeMode("concat")
                  .build(),
              FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 3)) {
      assertTrainingStepLowersLoss(
          new Bidirectional(
              BidirectionalConfig.builder(
                      new LSTM(LSTMConfig.builder(3).returnSequences(true).build()))
                  .mergeMode("concat")
                  .build()),
          x);
    }
  }
}

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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.activations.Activations;
import io.keras4j.initializers.Zeros;
import io.keras4j.layers.CallArgs;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Input;
import io.keras4j.layers.core.Masking;
import io.keras4j.layers.core.MaskingConfig;
import io.keras4j.models.Functional;
import io.keras4j.models.Sequential;
import io.keras4j.regularizers.L2;
import io.keras4j.serialization.ConfigException;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.testing.LayerTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class LSTMTest {

  private static LSTMConfig.Builder seededConfig(int units) {
    return LSTMConfig.builder(units)
        .kernelInitializer(seeded(1))
        .recurrentInitializer(seeded(2))
        .biasInitializer(seeded(3));
  }

  @Test
  void weights_live_in_the_cell_with_keras_names_shapes_and_order() {
    LSTM lstm = new LSTM(LSTMConfig.builder(5).build(), LayerArgs.named("lstm"));
    Eager.build(lstm, 6, 3);
    assertSame(lstm.cell(), lstm.children().get("cell"));
    assertEquals("lstm_cell", lstm.cell().name());
    assertTrue(lstm.ownWeights().isEmpty());
    LayerTestKit.assertWeights(lstm, "kernel(3, 20)", "recurrent_kernel(5, 20)", "bias(20,)");
    assertEquals(3 * 20 + 5 * 20 + 20, lstm.countParams());
  }

  @Test
  void no_bias_without_use_bias() {
    LSTM lstm = new LSTM(LSTMConfig.builder(2).useBias(false).build());
    Eager.build(lstm, 4, 3);
    LayerTestKit.assertWeights(lstm, "kernel(3, 8)", "recurrent_kernel(2, 8)");
  }

  @Test
  void output_shapes_follow_return_sequences_and_return_state() {
    TensorSpec in = spec(TFloat32.class, 6, 3);
    assertShapes(LSTMConfig.builder(5).build(), in, "(None, 5)");
    assertShapes(LSTMConfig.builder(5).returnSequences(true).build(), in, "(None, 6, 5)");
    assertShapes(
        LSTMConfig.builder(5).returnState(true).build(), in, "(None, 5)", "(None, 5)", "(None, 5)");
    assertShapes(
        LSTMConfig.builder(5).returnSequences(true).returnState(true).build(),
        in,
        "(None, 6, 5)",
        "(None, 5)",
        "(None, 5)");
  }

  private static void assertShapes(LSTMConfig config, TensorSpec in, String... expected) {
    List<TensorSpec> specs = LayerTestKit.assertOutputSpecMatchesGraph(new LSTM(config), in);
    assertEquals(List.of(expected), specs.stream().map(s -> Shapes.toKeras(s.shape())).toList());
  }

  @Test
  void return_state_gives_the_last_output_and_the_carry() {
    LSTM lstm = new LSTM(seededConfig(4).returnSequences(true).returnState(true).build());
    float[][][] x = Eager.sequence(2, 5, 3, 0.3);
    List<Object> out = Eager.run(lstm, x);
    float[][][] sequences = (float[][][]) out.get(0);
    assertClose(Eager.step(sequences, 4), (float[][]) out.get(1), 0);
    // c differs from h = o * tanh(c) unless the output gate is saturated.
    float[][] h = (float[][]) out.get(1);
    float[][] c = (float[][]) out.get(2);
    assertTrue(Math.abs(h[0][0] - c[0][0]) > 1e-4);
  }

  @Test
  void going_backwards_over_a_sequence_equals_going_forwards_over_its_reverse() {
    float[][][] x = Eager.sequence(3, 5, 3, 0.1);
    LSTM backwards = new LSTM(seededConfig(4).goBackwards(true).returnSequences(true).build());
    LSTM forwards = new LSTM(seededConfig(4).returnSequences(true).build());
    float[][][] b = (float[][][]) Eager.run(backwards, x).get(0);
    float[][][] f = (float[][][]) Eager.run(forwards, Eager.reversed(x)).get(0);
    assertClose(f, b, 1e-6);
    // ...and differs from going forwards over the sequence itself.
    float[][][] same = (float[][][]) Eager.run(forwards, x).get(0);
    assertTrue(Math.abs(same[0][4][0] - b[0][4][0]) > 1e-4);
  }

  @Test
  void a_masked_tail_keeps_the_output_and_states_of_the_last_unmasked_step() {
    float[][][] x = Eager.sequence(2, 6, 3, 0.5);
    boolean[][] mask = {
      {true, true, true, true, false, false},
      {true, true, true, true, true, true}
    };
    LSTM lstm = new LSTM(seededConfig(4).returnSequences(true).returnState(true).build());
    List<Object> masked = Eager.run(lstm, x, mask);
    float[][][] y = (float[][][]) masked.get(0);
    float[][] h = (float[][]) masked.get(1);
    assertArrayEquals(y[0][3], y[0][4]);
    assertArrayEquals(y[0][3], y[0][5]);
    assertArrayEquals(y[0][3], h[0]);
    // The second sequence is not masked: its steps go on changing.
    assertTrue(Math.abs(y[1][3][0] - y[1][5][0]) > 1e-5);
    // The state after the masked tail is the state after step 3 of the unmasked run.
    float[][][] prefix = new float[][][] {java.util.Arrays.copyOf(x[0], 4)};
    List<Object> shorter = Eager.run(lstm, prefix);
    assertClose(
        new float[][] {((float[][]) shorter.get(2))[0]},
        new float[][] {((float[][]) masked.get(2))[0]},
        1e-6);
  }

  @Test
  void zero_output_for_mask_zeroes_the_masked_outputs_only() {
    float[][][] x = Eager.sequence(1, 4, 3, 0.7);
    boolean[][] mask = {{true, false, true, false}};
    LSTM lstm =
        new LSTM(
            seededConfig(3)
                .returnSequences(true)
                .returnState(true)
                .zeroOutputForMask(true)
                .build());
    List<Object> out = Eager.run(lstm, x, mask);
    float[][][] y = (float[][][]) out.get(0);
    assertArrayEquals(new float[3], y[0][1]);
    assertArrayEquals(new float[3], y[0][3]);
    // The state is held through the masked last step; only the output is zero.
    assertArrayEquals(y[0][2], ((float[][]) out.get(1))[0]);
  }

  @Test
  void initial_states_are_used() {
    float[][][] x = Eager.sequence(2, 3, 3, 0.2);
    LSTM lstm = new LSTM(seededConfig(2).build());
    float[][] zeros = new float[2][2];
    float[][] ones = {{1, 1}, {1, 1}};
    float[][] fromZeros = (float[][]) Eager.run(lstm, x, zeros, zeros).get(0);
    float[][] implicit = (float[][]) Eager.run(lstm, x).get(0);
    float[][] fromOnes = (float[][]) Eager.run(lstm, x, ones, ones).get(0);
    assertClose(implicit, fromZeros, 0);
    assertTrue(Math.abs(fromOnes[0][0] - fromZeros[0][0]) > 1e-4);
    assertThrows(
        IllegalArgumentException.class,
        () -> Eager.run(new LSTM(seededConfig(2).build()), x, zeros));
  }

  @Test
  void initial_states_as_a_keyword_argument_in_a_functional_model() {
    float[][][] x = Eager.sequence(2, 3, 3, 0.2);
    float[][] h = {{0.5f, -0.5f}, {0.1f, 0.2f}};
    float[][] c = {{1f, 0f}, {-1f, 0.3f}};
    LSTM lstm = new LSTM(seededConfig(2).build());
    KerasTensor in = Input.of(3, 3);
    KerasTensor h0 = Input.of(2);
    KerasTensor c0 = Input.of(2);
    KerasTensor y =
        lstm.applyAll(CallArgs.of(in).withKwarg("initial_state", List.of(h0, c0))).get(0);
    try (Functional model = new Functional(LayerArgs.defaults(), List.of(in, h0, c0), List.of(y));
        TFloat32 xt = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        TFloat32 ht = TFloat32.tensorOf(StdArrays.ndCopyOf(h));
        TFloat32 ct = TFloat32.tensorOf(StdArrays.ndCopyOf(c));
        Result r = model.predict(xt, ht, ct)) {
      float[][] fromModel = StdArrays.array2dCopyOf((TFloat32) r.get(0));
      // The same layer (same weights) called eagerly with the states as inputs after the sequence.
      assertClose((float[][]) Eager.run(lstm, x, h, c).get(0), fromModel, 1e-6);
    }
  }

  @Test
  void unit_forget_bias_starts_the_forget_gate_bias_at_one() {
    LSTM lstm = new LSTM(LSTMConfig.builder(3).build());
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      lstm.apply(tf, tf.constant(Eager.sequence(1, 2, 2, 0)));
      float[] bias =
          StdArrays.array1dCopyOf((TFloat32) lstm.cell().weights().get(2).read(tf).asTensor());
      assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0}, bias);
    }
  }

  @Test
  void the_number_of_time_steps_must_be_known() {
    LSTM lstm = new LSTM(LSTMConfig.builder(2).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> LayerTestKit.assertOutputSpecMatchesGraph(lstm, spec(TFloat32.class, -1, 3)));
  }

  @Test
  void config_round_trips_through_json_and_the_registry() {
    LSTM lstm =
        new LSTM(
            LSTMConfig.builder(7)
                .returnSequences(true)
                .goBackwards(true)
                .zeroOutputForMask(true)
                .recurrentActivation(Activations.get("tanh"))
                .unitForgetBias(false)
                .biasInitializer(new Zeros())
                .dropout(0.25)
                .recurrentDropout(0.5)
                .seed(42L)
                .build(),
            LayerArgs.named("encoder"));
    Eager.build(lstm, 4, 2);
    LayerTestKit.assertConfigRoundTrip(lstm);
  }

  @Test
  void the_config_keras_wrote_reads_and_writes_back_the_same_json() {
    LSTM lstm = (LSTM) KerasConfigs.assertReadsAndWritesBack("LSTM");
    assertEquals(0.2, lstm.getConfig().recurrentDropout());
    assertEquals("lstm_cell", lstm.cell().name());
  }

  @Test
  void the_activity_regularizer_is_the_layers_from_either_side_and_written_once() {
    LSTM fromConfig = new LSTM(LSTMConfig.builder(2).activityRegularizer(new L2(0.5)).build());
    assertEquals(new L2(0.5), fromConfig.args().activityRegularizer());
    LSTM fromArgs =
        new LSTM(
            LSTMConfig.builder(2).build(),
            LayerArgs.named("l").withActivityRegularizer(new L2(0.5)));
    assertEquals(new L2(0.5), fromArgs.getConfig().activityRegularizer());
    JsonNode json = ConfigSerializer.of(KerasRegistry.builtins()).serialize(fromArgs).get("config");
    assertEquals("L2", json.get("activity_regularizer").get("class_name").asText());
    JsonNode none =
        ConfigSerializer.of(KerasRegistry.builtins())
            .serialize(new LSTM(LSTMConfig.builder(2).build()))
            .get("config");
    assertTrue(none.get("activity_regularizer").isNull());
    LayerTestKit.assertConfigRoundTrip(fromArgs);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LSTM(
                LSTMConfig.builder(2).activityRegularizer(new L2(0.1)).build(),
                LayerArgs.named("l").withActivityRegularizer(new L2(0.5))));
  }

  @Test
  void stateful_and_time_major_fail_loudly() {
    assertThrows(
        UnsupportedOperationException.class, () -> LSTMConfig.builder(2).stateful(true).build());
    assertThrows(
        UnsupportedOperationException.class, () -> LSTMConfig.builder(2).timeMajor(true).build());
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                serializer.deserialize(
                    io.keras4j.serialization.KerasJson.mapper()
                        .readTree(
                            "{\"class_name\": \"LSTM\", \"config\": {\"name\": \"l\", \"units\": 2,"
                                + " \"stateful\": true}}")));
    assertTrue(e.getMessage().contains("stateful"), e.getMessage());
  }

  @Test
  void a_keras_2_config_reads_with_its_extra_keys() throws Exception {
    String json =
        "{\"class_name\": \"LSTM\", \"config\": {\"name\": \"lstm_1\", \"trainable\": true,"
            + " \"dtype\": \"float32\", \"return_sequences\": false, \"return_state\": false,"
            + " \"go_backwards\": false, \"stateful\": false, \"unroll\": false,"
            + " \"time_major\": false, \"units\": 3, \"activation\": \"tanh\","
            + " \"recurrent_activation\": \"sigmoid\", \"use_bias\": true,"
            + " \"kernel_initializer\": {\"class_name\": \"GlorotUniform\", \"config\": {\"seed\":"
            + " null}}, \"recurrent_initializer\": {\"class_name\": \"Orthogonal\", \"config\":"
            + " {\"gain\": 1.0, \"seed\": null}}, \"bias_initializer\": {\"class_name\":"
            + " \"Zeros\", \"config\": {}}, \"unit_forget_bias\": true, \"kernel_regularizer\":"
            + " null, \"recurrent_regularizer\": null, \"bias_regularizer\": null,"
            + " \"activity_regularizer\": null, \"kernel_constraint\": null,"
            + " \"recurrent_constraint\": null, \"bias_constraint\": null, \"dropout\": 0.0,"
            + " \"recurrent_dropout\": 0.0, \"implementation\": 1}}";
    Layer layer =
        ConfigSerializer.of(KerasRegistry.builtins())
            .deserialize(io.keras4j.serialization.KerasJson.mapper().readTree(json));
    LSTM lstm = (LSTM) layer;
    assertEquals(3, lstm.getConfig().units());
    assertTrue(lstm.unknownConfig().isEmpty(), lstm.unknownConfig().toString());
  }

  @Test
  void one_gradient_step_lowers_the_loss() {
    Training.assertOneStepLowersTheLoss(
        new LSTM(seededConfig(3).returnSequences(true).goBackwards(true).build()),
        Eager.sequence(2, 4, 3, 0.4));
  }

  @Test
  void trains_behind_a_mask() {
    float[][][] x = Eager.sequence(2, 5, 3, 0.4);
    x[0][3] = new float[3];
    x[0][4] = new float[3];
    Sequential model =
        new Sequential(
            LayerArgs.defaults(),
            List.of(
                new Masking(MaskingConfig.builder().build()),
                new LSTM(seededConfig(3).returnSequences(true).build())),
            new TensorSpec(Shape.of(-1, 5, 3), TFloat32.class));
    Training.assertOneStepLowersTheLoss(model, x);
  }

  @Test
  void trains_with_dropout_and_recurrent_dropout() {
    Training.assertTrainingStepRuns(
        new LSTM(seededConfig(3).dropout(0.3).recurrentDropout(0.3).build()),
        Eager.sequence(2, 4, 3, 0.4));
    Training.assertTrainingStepRuns(
        new LSTM(seededConfig(3).dropout(0.3).build()), Eager.sequence(2, 4, 3, 0.4));
  }

  @Test
  void applies_symbolically_with_all_outputs() {
    LSTM lstm = new LSTM(LSTMConfig.builder(5).returnSequences(true).returnState(true).build());
    List<KerasTensor> out = lstm.applyAll(CallArgs.of(Input.of(6, 3)));
    assertEquals(3, out.size());
    assertEquals("(None, 6, 5)", Shapes.toKeras(out.get(0).shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new LSTM(LSTMConfig.builder(3).returnSequences(true).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 3)) {
      assertTrainingStepLowersLoss(
          new LSTM(LSTMConfig.builder(3).returnSequences(true).build()), x);
    }
  }

  @Test
  void stateAndDropoutGradientsMatchFiniteDifferences() {
    // The final state as well as the output, and seeded dropout masks in training.
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new LSTM(
              LSTMConfig.builder(3)
                  .returnState(true)
                  .goBackwards(true)
                  .dropout(0.3)
                  .recurrentDropout(0.3)
                  .seed(5L)
                  .build(),
              FLOAT64),
          x);
    }
  }
}

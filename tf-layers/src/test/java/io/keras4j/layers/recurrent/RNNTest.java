package io.keras4j.layers.recurrent;

import static io.keras4j.layers.recurrent.Eager.assertClose;
import static io.keras4j.layers.recurrent.Eager.seeded;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.testing.LayerTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class RNNTest {

  private static LSTMCell lstmCell(int units) {
    return new LSTMCell(
        LSTMCellConfig.builder(units)
            .kernelInitializer(seeded(1))
            .recurrentInitializer(seeded(2))
            .biasInitializer(seeded(3))
            .build(),
        LayerArgs.named("lstm_cell"));
  }

  @Test
  void an_rnn_over_an_lstm_cell_is_an_lstm() {
    float[][][] x = Eager.sequence(2, 5, 3, 0.6);
    RNN rnn =
        new RNN(RNNConfig.builder(lstmCell(4)).returnSequences(true).returnState(true).build());
    LSTM lstm =
        new LSTM(
            LSTMConfig.builder(4)
                .kernelInitializer(seeded(1))
                .recurrentInitializer(seeded(2))
                .biasInitializer(seeded(3))
                .returnSequences(true)
                .returnState(true)
                .build());
    List<Object> a = Eager.run(rnn, x);
    List<Object> b = Eager.run(lstm, x);
    assertClose((float[][][]) b.get(0), (float[][][]) a.get(0), 0);
    assertClose((float[][]) b.get(1), (float[][]) a.get(1), 0);
    assertClose((float[][]) b.get(2), (float[][]) a.get(2), 0);
  }

  @Test
  void the_cell_is_the_child_that_holds_the_weights() {
    LSTMCell cell = lstmCell(4);
    RNN rnn = new RNN(RNNConfig.builder(cell).build());
    Eager.build(rnn, 5, 3);
    assertSame(cell, rnn.children().get("cell"));
    LayerTestKit.assertWeights(rnn, "kernel(3, 16)", "recurrent_kernel(4, 16)", "bias(16,)");
  }

  @Test
  void output_shapes_follow_the_cell_and_the_settings() {
    TensorSpec in = spec(TFloat32.class, 6, 3);
    List<TensorSpec> specs =
        LayerTestKit.assertOutputSpecMatchesGraph(
            new RNN(
                RNNConfig.builder(new GRUCell(GRUCellConfig.builder(5).build()))
                    .returnSequences(true)
                    .returnState(true)
                    .build()),
            in);
    assertEquals(
        List.of("(None, 6, 5)", "(None, 5)"),
        specs.stream().map(s -> Shapes.toKeras(s.shape())).toList());
  }

  @Test
  void the_cell_is_saved_as_a_nested_layer_and_read_back() {
    RNN rnn =
        new RNN(
            RNNConfig.builder(new SimpleRNNCell(SimpleRNNCellConfig.builder(3).build()))
                .goBackwards(true)
                .build(),
            LayerArgs.named("rnn"));
    JsonNode json = ConfigSerializer.of(KerasRegistry.builtins()).serialize(rnn).get("config");
    assertEquals("SimpleRNNCell", json.get("cell").get("class_name").asText());
    assertEquals(3, json.get("cell").get("config").get("units").asInt());
    // Unbuilt: reading a config does not apply a nested layer's build_config (the serializer's
    // choice), so a built cell would come back without one.
    RNN copy = (RNN) LayerTestKit.assertConfigRoundTrip(rnn);
    assertNotSame(rnn.cell(), copy.cell());
    Eager.build(rnn, 4, 2);
    assertEquals(
        "[null,2]",
        ConfigSerializer.of(KerasRegistry.builtins())
            .serialize(rnn)
            .get("config")
            .get("cell")
            .get("build_config")
            .get("input_shape")
            .toString());
  }

  @Test
  void only_a_recurrent_cell_can_be_the_cell() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RNNConfig.builder(null).cell(new Dense(DenseConfig.builder(2).build())).build());
  }

  @Test
  void one_gradient_step_lowers_the_loss() {
    Training.assertOneStepLowersTheLoss(
        new RNN(RNNConfig.builder(lstmCell(3)).returnSequences(true).build()),
        Eager.sequence(2, 4, 3, 0.4));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new RNN(
              RNNConfig.builder(new LSTMCell(LSTMCellConfig.builder(3).build(), FLOAT64))
                  .returnSequences(true)
                  .build(),
              FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 3)) {
      assertTrainingStepLowersLoss(
          new RNN(
              RNNConfig.builder(new LSTMCell(LSTMCellConfig.builder(3).build()))
                  .returnSequences(true)
                  .build()),
          x);
    }
  }
}

package io.keras4j.layers.recurrent;

import static io.keras4j.layers.recurrent.Eager.seeded;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.testing.LayerTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class ConvLSTM2DTest {

  private static ConvLSTM2DConfig.Builder seededConfig(int filters) {
    return ConvLSTM2DConfig.builder(filters, 3)
        .kernelInitializer(seeded(1))
        .recurrentInitializer(seeded(2))
        .biasInitializer(seeded(3));
  }

  /** Deterministic images {@code (batch, steps, rows, cols, channels)}. */
  private static float[][][][][] images(int batch, int steps, int rows, int cols, int channels) {
    float[][][][][] x = new float[batch][steps][rows][cols][channels];
    for (int b = 0; b < batch; b++)
      for (int t = 0; t < steps; t++)
        for (int i = 0; i < rows; i++)
          for (int j = 0; j < cols; j++)
            for (int c = 0; c < channels; c++)
              x[b][t][i][j][c] = (float) Math.sin(0.3 * b + 0.7 * t + 0.2 * i + 0.5 * j + 1.1 * c);
    return x;
  }

  private static float[][][][][] reversedInTime(float[][][][][] x) {
    float[][][][][] r = new float[x.length][][][][];
    for (int b = 0; b < x.length; b++) {
      r[b] = new float[x[b].length][][][];
      for (int t = 0; t < x[b].length; t++) r[b][t] = x[b][x[b].length - 1 - t];
    }
    return r;
  }

  /** The flattened first output of the layer on {@code x}. */
  private static float[] run(ConvLSTM2D layer, float[][][][][] x, boolean training) {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TFloat32> in = tf.constant(StdArrays.ndCopyOf(x));
      TFloat32 y =
          (TFloat32) layer.apply(tf, List.of(in), CallContext.of(training)).get(0).asTensor();
      float[] out = new float[(int) y.shape().size()];
      y.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  @Test
  void weights_live_in_the_cell_with_keras_names_shapes_and_order() {
    ConvLSTM2D layer = new ConvLSTM2D(ConvLSTM2DConfig.builder(4, 3).build());
    Eager.build(layer, 3, 10, 10, 2);
    assertEquals("conv_lstm_cell", layer.cell().name());
    LayerTestKit.assertWeights(
        layer, "kernel(3, 3, 2, 16)", "recurrent_kernel(3, 3, 4, 16)", "bias(16,)");
  }

  @Test
  void output_shapes_follow_padding_strides_data_format_and_the_settings() {
    assertShapes(
        ConvLSTM2DConfig.builder(4, 3).build(),
        spec(TFloat32.class, 3, 10, 10, 2),
        "(None, 8, 8, 4)");
    assertShapes(
        ConvLSTM2DConfig.builder(4, 3).padding("same").returnSequences(true).build(),
        spec(TFloat32.class, 3, 10, 10, 2),
        "(None, 3, 10, 10, 4)");
    assertShapes(
        ConvLSTM2DConfig.builder(4, 3).strides(2, 2).padding("same").returnState(true).build(),
        spec(TFloat32.class, 3, 9, 9, 2),
        "(None, 5, 5, 4)",
        "(None, 5, 5, 4)",
        "(None, 5, 5, 4)");
    assertShapes(
        ConvLSTM2DConfig.builder(4, 3).dataFormat("channels_first").returnSequences(true).build(),
        spec(TFloat32.class, 3, 2, 10, 7),
        "(None, 3, 4, 8, 5)");
    assertShapes(
        ConvLSTM2DConfig.builder(2, 3).dilationRate(2, 2).build(),
        spec(TFloat32.class, 2, 9, 9, 1),
        "(None, 5, 5, 2)");
  }

  private static void assertShapes(ConvLSTM2DConfig config, TensorSpec in, String... expected) {
    List<TensorSpec> specs = LayerTestKit.assertOutputSpecMatchesGraph(new ConvLSTM2D(config), in);
    assertEquals(List.of(expected), specs.stream().map(s -> Shapes.toKeras(s.shape())).toList());
  }

  @Test
  void going_backwards_over_a_sequence_equals_going_forwards_over_its_reverse() {
    float[][][][][] x = images(2, 3, 5, 5, 2);
    float[] b =
        run(new ConvLSTM2D(seededConfig(3).padding("same").goBackwards(true).build()), x, false);
    float[] f =
        run(new ConvLSTM2D(seededConfig(3).padding("same").build()), reversedInTime(x), false);
    for (int i = 0; i < f.length; i++) assertEquals(f[i], b[i], 1e-6);
  }

  @Test
  void keras_per_gate_convolutions_compute_the_same_function() {
    // With a vanishing rate every dropout mask is one: training runs one convolution per gate,
    // inference one convolution for all gates.
    float[][][][][] x = images(1, 3, 5, 5, 2);
    ConvLSTM2D layer =
        new ConvLSTM2D(
            seededConfig(3).dropout(1e-12).recurrentDropout(1e-12).returnSequences(true).build());
    float[] inference = run(layer, x, false);
    float[] training = run(layer, x, true);
    for (int i = 0; i < inference.length; i++) assertEquals(inference[i], training[i], 1e-6);
  }

  @Test
  void reads_a_keras_2_config_and_writes_keras_3_pairs() throws Exception {
    JsonNode json =
        KerasJson.mapper()
            .readTree(
                "{\"class_name\": \"ConvLSTM2D\", \"config\": {\"name\": \"c\", \"filters\": 4,"
                    + " \"kernel_size\": 3, \"strides\": [1, 1], \"padding\": \"SAME\","
                    + " \"data_format\": null, \"dilation_rate\": 1, \"time_major\": false}}");
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    ConvLSTM2D layer = (ConvLSTM2D) serializer.deserialize(json);
    JsonNode written = serializer.serialize(layer).get("config");
    assertEquals("[3,3]", written.get("kernel_size").toString());
    assertEquals("[1,1]", written.get("dilation_rate").toString());
    assertEquals("same", written.get("padding").asText());
    assertEquals("channels_last", written.get("data_format").asText());
    assertTrue(layer.unknownConfig().isEmpty());
  }

  @Test
  void refuses_what_keras_refuses() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ConvLSTM2DConfig.builder(4, 3).strides(2, 2).dilationRate(2, 2).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ConvLSTM2DConfig.builder(4, 3).padding("full").build());
    assertThrows(IllegalArgumentException.class, () -> ConvLSTM2DConfig.builder(0, 3).build());
  }

  @Test
  void config_round_trips_through_json_and_the_registry() {
    LayerTestKit.assertConfigRoundTrip(
        new ConvLSTM2D(
            ConvLSTM2DConfig.builder(2, 3)
                .strides(1, 2)
                .padding("same")
                .dataFormat("channels_first")
                .returnSequences(true)
                .unitForgetBias(false)
                .build(),
            LayerArgs.named("conv_lstm2d")));
  }

  @Test
  void one_gradient_step_lowers_the_loss() {
    ConvLSTM2D layer =
        new ConvLSTM2D(seededConfig(2).padding("same").returnSequences(true).build());
    Training.assertOneStepLowersTheLoss(layer, images(2, 3, 4, 4, 2));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4, 4, 2)) {
      assertGradientsMatchFiniteDifferences(
          new ConvLSTM2D(
              ConvLSTM2DConfig.builder(2, 3).padding("same").returnSequences(true).build(),
              FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4, 4, 2)) {
      assertTrainingStepLowersLoss(
          new ConvLSTM2D(
              ConvLSTM2DConfig.builder(2, 3).padding("same").returnSequences(true).build()),
          x);
    }
  }
}

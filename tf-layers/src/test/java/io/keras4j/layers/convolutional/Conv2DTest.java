package io.keras4j.layers.convolutional;

import static io.keras4j.layers.convolutional.WindowTesting.assertClose;
import static io.keras4j.layers.convolutional.WindowTesting.pattern;
import static io.keras4j.layers.convolutional.WindowTesting.run;
import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.assertWeights;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.activations.Activations;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.initializers.Ones;
import io.keras4j.initializers.Zeros;
import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class Conv2DTest {

  @Test
  void weights_are_the_kernel_then_the_bias_with_keras_shapes() {
    Conv2D conv = new Conv2D(ConvConfig.builder(8, 3, 5).build());
    assertOutputSpecMatchesGraph(conv, spec(TFloat32.class, 9, 8, 3));
    assertWeights(conv, "kernel(3, 5, 3, 8)", "bias(8,)");

    Conv2D noBias = new Conv2D(ConvConfig.builder(8, 3).useBias(false).build());
    assertOutputSpecMatchesGraph(noBias, spec(TFloat32.class, 9, 8, 3));
    assertWeights(noBias, "kernel(3, 3, 3, 8)");

    Conv2D grouped = new Conv2D(ConvConfig.builder(6, 3).groups(2).build());
    assertOutputSpecMatchesGraph(grouped, spec(TFloat32.class, 9, 8, 4));
    assertWeights(grouped, "kernel(3, 3, 2, 6)", "bias(6,)");
  }

  @Test
  void output_shape_matches_the_graph_for_every_padding_stride_dilation_and_format() {
    for (List<Object> c :
        WindowTesting.combinations(
            List.of(Padding.VALID, Padding.SAME),
            List.of(1, 2, 3),
            List.of(1, 2),
            List.of(DataFormat.CHANNELS_LAST, DataFormat.CHANNELS_FIRST),
            List.of(true, false))) {
      Padding padding = (Padding) c.get(0);
      int stride = (int) c.get(1);
      int dilation = (int) c.get(2);
      DataFormat format = (DataFormat) c.get(3);
      boolean known = (boolean) c.get(4);
      if (stride > 1 && dilation > 1) continue;
      String name = ("conv_" + c).replaceAll("[^A-Za-z0-9_]", "_");
      Conv2D conv =
          new Conv2D(
              ConvConfig.builder(4, 3, 2)
                  .padding(padding)
                  .strides(stride, 1)
                  .dilationRate(dilation)
                  .dataFormat(format)
                  .build(),
              LayerArgs.named(name));
      long rows = known ? 11 : -1;
      long cols = known ? 8 : -1;
      assertOutputSpecMatchesGraph(
          conv,
          format == DataFormat.CHANNELS_LAST
              ? spec(TFloat32.class, rows, cols, 3)
              : spec(TFloat32.class, 3, rows, cols));
    }
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    Values x = pattern(0, 2, 7, 6, 4);
    ConvConfig.Builder config =
        ConvConfig.builder(6, 3, 2).strides(2).padding(Padding.SAME).groups(2);
    Values last = run(new Conv2D(config.build()), x);
    Values first =
        run(
            new Conv2D(config.dataFormat(DataFormat.CHANNELS_FIRST).build()),
            x.transpose(0, 3, 1, 2));
    assertClose(last, first.transpose(0, 2, 3, 1), "channels_first output, transposed");
  }

  @Test
  void groups_equal_separate_convolutions_of_each_group_of_channels() {
    // Keras' groups: filters [g * 3, g * 3 + 3) see input channels [g * 2, g * 2 + 2) only.
    Values x = pattern(0, 2, 6, 5, 4);
    Values kernel = pattern(1, 3, 3, 2, 6);
    Values bias = pattern(2, 6);
    Values grouped =
        run(
            new Conv2D(ConvConfig.builder(6, 3).groups(2).padding(Padding.SAME).build()),
            x,
            kernel.values(),
            bias.values());
    for (int g = 0; g < 2; g++) {
      Values alone =
          run(
              new Conv2D(ConvConfig.builder(3, 3).padding(Padding.SAME).build()),
              x.slice(3, 2 * g, 2 * g + 2),
              kernel.slice(3, 3 * g, 3 * g + 3).values(),
              bias.slice(0, 3 * g, 3 * g + 3).values());
      assertClose(alone, grouped.slice(3, 3 * g, 3 * g + 3), "filters of group " + g);
    }
  }

  @Test
  void reads_and_writes_the_json_keras_wrote() throws Exception {
    JsonNode keras = WindowTesting.kerasSerialized("Conv2D");
    Assumptions.assumeTrue(
        Activations.find("silu").isPresent(), "the silu activation is not registered yet");
    Layer conv = WindowTesting.read(keras);
    assertInstanceOf(Conv2D.class, conv);
    assertJsonEquals(keras, WindowTesting.write(conv));
  }

  @Test
  void an_int_window_setting_is_written_back_as_keras_tuple() throws Exception {
    Layer conv =
        WindowTesting.read(
            "Conv2D",
            "{\"name\": \"c\", \"filters\": 2, \"kernel_size\": 3, \"strides\": 2,"
                + " \"dilation_rate\": 1}");
    ConvConfig config = (ConvConfig) conv.getConfig();
    assertEquals(List.of(3, 3), config.kernelSize());
    assertEquals(List.of(2, 2), config.strides());
    assertEquals(List.of(1, 1), config.dilationRate());
    JsonNode written = WindowTesting.write(conv).get("config");
    assertEquals("[3,3]", written.get("kernel_size").toString());
    assertTrue(written.has("activity_regularizer"), "Keras writes activity_regularizer: null");
    assertTrue(written.get("activity_regularizer").isNull());
  }

  @Test
  void every_setting_survives_the_config_round_trip() {
    assertConfigRoundTrip(
        new Conv2D(
            ConvConfig.builder(6, 3, 1)
                .strides(2, 1)
                .padding(Padding.SAME)
                .dataFormat(DataFormat.CHANNELS_FIRST)
                .groups(3)
                .activation(BuiltinActivation.RELU)
                .useBias(false)
                .kernelInitializer(new Ones())
                .biasInitializer(new Ones())
                .build(),
            LayerArgs.named("every_setting")));
    assertConfigRoundTrip(
        new Conv2D(ConvConfig.builder(1, 1).biasInitializer(new Zeros()).build()));
  }

  @Test
  void a_lora_config_fails_loudly() {
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                WindowTesting.read(
                    "Conv2D", "{\"filters\": 2, \"kernel_size\": 3, \"lora_rank\": 4}"));
    assertTrue(e.getMessage().contains("lora_rank=4"), e.getMessage());
  }

  @Test
  void keras_other_name_convolution2d_reads_as_conv2d() throws Exception {
    assertInstanceOf(
        Conv2D.class, WindowTesting.read("Convolution2D", "{\"filters\": 2, \"kernel_size\": 3}"));
  }

  @Test
  void invalid_settings_fail_with_keras_messages() {
    assertMessage("Received filters=0", () -> ConvConfig.builder(0, 3).build());
    assertMessage(
        "Received: groups=4, filters=6", () -> ConvConfig.builder(6, 3).groups(4).build());
    assertMessage("cannot contain 0", () -> ConvConfig.builder(2, 3, 0).build());
    assertMessage(
        "`strides > 1` not supported in conjunction with `dilation_rate > 1`",
        () -> ConvConfig.builder(2, 3).strides(2).dilationRate(2).build());
    assertMessage(
        "Received: causal",
        () -> new Conv2D(ConvConfig.builder(2, 3).padding(Padding.CAUSAL).build()));
    assertMessage(
        "must be a tuple of 2 integers", () -> new Conv2D(ConvConfig.builder(2, 3, 3, 3).build()));
    Conv2D grouped = new Conv2D(ConvConfig.builder(6, 3).groups(2).build());
    assertMessage(
        "evenly divisible by the number of groups",
        () -> assertOutputSpecMatchesGraph(grouped, spec(TFloat32.class, 8, 8, 3)));
    Conv2D conv = new Conv2D(ConvConfig.builder(2, 5).build());
    assertMessage(
        "zero or negative",
        () -> assertOutputSpecMatchesGraph(conv, spec(TFloat32.class, 4, 4, 3)));
    assertMessage(
        "expected ndim=4", () -> assertOutputSpecMatchesGraph(conv, spec(TFloat32.class, 8, 3)));
  }

  @Test
  void under_mixed_precision_computes_in_float16_from_float32_weights() {
    for (Layer layer :
        List.of(
            new Conv2D(
                ConvConfig.builder(4, 3).build(),
                LayerArgs.named("mixed_conv").withDtype(DTypePolicy.of("mixed_float16"))),
            new DepthwiseConv2D(
                DepthwiseConvConfig.builder(3).build(),
                LayerArgs.named("mixed_depthwise").withDtype(DTypePolicy.of("mixed_float16"))),
            new Conv2DTranspose(
                ConvTransposeConfig.builder(2, 3).build(),
                LayerArgs.named("mixed_transpose").withDtype(DTypePolicy.of("mixed_float16"))))) {
      assertEquals(
          TFloat16.class,
          assertOutputSpecMatchesGraph(layer, spec(TFloat32.class, 8, 8, 3)).get(0).dtype());
      layer.weights().forEach(w -> assertEquals(TFloat32.class, w.dtype(), w.path()));
    }
  }

  @Test
  void training_can_differentiate_through_the_layer() {
    WindowTesting.assertDifferentiable(
        new Conv2D(ConvConfig.builder(4, 3).groups(2).strides(2).padding(Padding.SAME).build()),
        spec(TFloat32.class, 8, 8, 4));
    WindowTesting.assertDifferentiable(
        new Conv2D(
            ConvConfig.builder(4, 3).dilationRate(2).dataFormat(DataFormat.CHANNELS_FIRST).build()),
        spec(TFloat32.class, 3, 9, 9));
  }

  static void assertMessage(String expected, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(
        e.getMessage().contains(expected),
        "expected a message containing \"" + expected + "\", was: " + e.getMessage());
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 6, 5, 3)) {
      assertGradientsMatchFiniteDifferences(
          new Conv2D(
              ConvConfig.builder(4, 3, 2).strides(2, 1).padding(Padding.SAME).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 6, 5, 3)) {
      assertTrainingStepLowersLoss(
          new Conv2D(ConvConfig.builder(4, 3, 2).strides(2, 1).padding(Padding.SAME).build()), x);
    }
  }

  /**
   * Dilated layers train: they dilate through {@code SpaceToBatchND} / {@code BatchToSpaceND}, as
   * {@code tf.nn.convolution} does, because TensorFlow's CPU gradient kernels of dilated
   * convolutions refuse dilations (float64) or abort the JVM under oneDNN (float32).
   */
  @Test
  void dilatedGradientsMatchFiniteDifferencesAndTrain() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 8, 7, 3)) {
      assertGradientsMatchFiniteDifferences(
          new Conv2D(ConvConfig.builder(4, 3, 2).dilationRate(2, 1).build(), FLOAT64), x);
    }
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 8, 7, 3)) {
      assertTrainingStepLowersLoss(
          new Conv2D(ConvConfig.builder(4, 3, 2).dilationRate(2, 1).build()), x);
    }
  }

  @Test
  void groupedGradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 6, 5, 4)) {
      assertGradientsMatchFiniteDifferences(
          new Conv2D(ConvConfig.builder(6, 3, 2).groups(2).build(), FLOAT64), x);
    }
  }
}

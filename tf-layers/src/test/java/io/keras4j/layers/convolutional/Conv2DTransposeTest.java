package io.keras4j.layers.convolutional;

import static io.keras4j.layers.convolutional.WindowTesting.assertClose;
import static io.keras4j.layers.convolutional.WindowTesting.pattern;
import static io.keras4j.layers.convolutional.WindowTesting.run;
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
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class Conv2DTransposeTest {

  @Test
  void weights_are_the_kernel_then_the_bias_with_keras_shapes() {
    Conv2DTranspose up = new Conv2DTranspose(ConvTransposeConfig.builder(3, 3, 2).build());
    assertOutputSpecMatchesGraph(up, spec(TFloat32.class, 5, 5, 4));
    assertWeights(up, "kernel(3, 2, 3, 4)", "bias(3,)");
  }

  @Test
  void output_shape_matches_the_graph_for_every_padding_stride_output_padding_and_format() {
    for (List<Object> c :
        WindowTesting.combinations(
            List.of(Padding.VALID, Padding.SAME),
            List.of(1, 2, 3),
            List.of(-1, 0, 1),
            List.of(1, 2),
            List.of(DataFormat.CHANNELS_LAST, DataFormat.CHANNELS_FIRST),
            List.of(true, false))) {
      int stride = (int) c.get(1);
      int outputPadding = (int) c.get(2);
      int dilation = (int) c.get(3);
      if (outputPadding >= stride || (stride > 1 && dilation > 1)) continue;
      DataFormat format = (DataFormat) c.get(4);
      long rows = (boolean) c.get(5) ? 5 : -1;
      ConvTransposeConfig.Builder config =
          ConvTransposeConfig.builder(3, 3, 2)
              .padding((Padding) c.get(0))
              .strides(stride)
              .dilationRate(dilation)
              .dataFormat(format);
      if (outputPadding >= 0) config.outputPadding(outputPadding);
      Conv2DTranspose up =
          new Conv2DTranspose(
              config.build(), LayerArgs.named(("up_" + c).replaceAll("[^A-Za-z0-9_]", "_")));
      assertOutputSpecMatchesGraph(
          up,
          format == DataFormat.CHANNELS_LAST
              ? spec(TFloat32.class, rows, 4, 2)
              : spec(TFloat32.class, 2, rows, 4));
    }
  }

  @Test
  void is_the_adjoint_of_conv2d_with_the_same_kernel() {
    // <conv(x), y> = <x, conv_transpose(y)>: the transposed convolution is the gradient of the
    // convolution with respect to its input.
    for (List<Object> c :
        WindowTesting.combinations(
            List.of(Padding.VALID, Padding.SAME), List.of(1, 2, 3), List.of(-1, 1))) {
      Padding padding = (Padding) c.get(0);
      int stride = (int) c.get(1);
      int outputPadding = (int) c.get(2);
      if (outputPadding >= stride) continue;
      ConvTransposeConfig.Builder transpose =
          ConvTransposeConfig.builder(2, 3, 2).strides(stride).padding(padding).useBias(false);
      if (outputPadding >= 0) transpose.outputPadding(outputPadding);
      Values kernel = pattern(1, 3, 2, 2, 4);
      Values y = pattern(0, 2, 4, 5, 4);
      Values up = run(new Conv2DTranspose(transpose.build()), y, kernel.values());
      Values x = pattern(3, up.shape().asArray());
      Values down =
          run(
              new Conv2D(
                  ConvConfig.builder(4, 3, 2)
                      .strides(stride)
                      .padding(padding)
                      .useBias(false)
                      .build()),
              x,
              kernel.values());
      assertEquals(y.shape(), down.shape(), "shape of the convolution of the output, " + c);
      assertEquals(down.dot(y), x.dot(up), 1e-4 * Math.abs(x.dot(up)), "adjoint, " + c);
    }
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    Values x = pattern(0, 2, 4, 5, 3);
    ConvTransposeConfig.Builder config =
        ConvTransposeConfig.builder(2, 3, 2).strides(2, 1).padding(Padding.SAME);
    Values last = run(new Conv2DTranspose(config.build()), x);
    Values first =
        run(
            new Conv2DTranspose(config.dataFormat(DataFormat.CHANNELS_FIRST).build()),
            x.transpose(0, 3, 1, 2));
    assertClose(last, first.transpose(0, 2, 3, 1), "channels_first output, transposed");
  }

  @Test
  void sizes_unknown_when_the_graph_is_built_give_the_same_output() {
    Values x = pattern(0, 2, 4, 5, 3);
    ConvTransposeConfig config =
        ConvTransposeConfig.builder(2, 3, 2).strides(3, 2).outputPadding(1).build();
    assertClose(
        run(new Conv2DTranspose(config), x),
        WindowTesting.runUnknownSize(new Conv2DTranspose(config), x, 3),
        "output for sizes known at run time only");
  }

  @Test
  void every_setting_survives_the_config_round_trip() throws Exception {
    Conv2DTranspose keras =
        (Conv2DTranspose)
            WindowTesting.read(
                "Conv2DTranspose",
                "{\"filters\": 3, \"kernel_size\": 3, \"strides\": 2, \"output_padding\": null}");
    assertNull(keras.getConfig().outputPadding());
    assertEquals(List.of(2, 2), keras.getConfig().strides());
    assertConfigRoundTrip(keras);
    assertConfigRoundTrip(
        new Conv2DTranspose(
            ConvTransposeConfig.builder(3, 3)
                .strides(2)
                .outputPadding(1, 0)
                .padding(Padding.SAME)
                .dataFormat(DataFormat.CHANNELS_FIRST)
                .useBias(false)
                .build()));
    assertInstanceOf(
        Conv2DTranspose.class,
        WindowTesting.read("Convolution2DTranspose", "{\"filters\": 2, \"kernel_size\": 3}"));
  }

  @Test
  void invalid_settings_fail_with_keras_messages() {
    Conv2DTest.assertMessage(
        "`output_padding` must be strictly less than `strides`",
        () -> new Conv2DTranspose(ConvTransposeConfig.builder(2, 3).outputPadding(1).build()));
    Conv2DTest.assertMessage(
        "Received: causal",
        () -> ConvTransposeConfig.builder(2, 3).padding(Padding.CAUSAL).build());
  }

  @Test
  void training_can_differentiate_through_the_layer() {
    WindowTesting.assertDifferentiable(
        new Conv2DTranspose(
            ConvTransposeConfig.builder(3, 3)
                .strides(2)
                .padding(Padding.SAME)
                .dataFormat(DataFormat.CHANNELS_FIRST)
                .build()),
        spec(TFloat32.class, 4, 5, 5));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4, 2)) {
      assertGradientsMatchFiniteDifferences(
          new Conv2DTranspose(ConvTransposeConfig.builder(3, 3, 2).strides(2).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4, 2)) {
      assertTrainingStepLowersLoss(
          new Conv2DTranspose(ConvTransposeConfig.builder(3, 3, 2).strides(2).build()), x);
    }
  }

  // Dilated, TensorFlow's CPU Conv2DBackpropInput runs in float32 only (oneDNN); in float64 it
  // refuses dilation rates above 1, as it does for Keras. So float32 and its tolerance.
  @Test
  void dilatedGradientsMatchFiniteDifferencesAndTrain() {
    try (TFloat32 x = gaussian(TFloat32.class, 1, 2, 8, 7, 3)) {
      assertGradientsMatchFiniteDifferences(
          new Conv2DTranspose(ConvTransposeConfig.builder(4, 3, 2).dilationRate(2, 1).build()), x);
    }
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 8, 7, 3)) {
      assertTrainingStepLowersLoss(
          new Conv2DTranspose(ConvTransposeConfig.builder(4, 3, 2).dilationRate(2, 1).build()), x);
    }
  }
}

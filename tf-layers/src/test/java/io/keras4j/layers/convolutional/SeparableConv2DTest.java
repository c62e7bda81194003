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

import io.keras4j.activations.BuiltinActivation;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class SeparableConv2DTest {

  @Test
  void weights_are_depthwise_pointwise_then_bias_with_keras_names_and_shapes() {
    SeparableConv2D sep =
        new SeparableConv2D(SeparableConvConfig.builder(5, 3, 2).depthMultiplier(2).build());
    assertOutputSpecMatchesGraph(sep, spec(TFloat32.class, 8, 8, 3));
    assertWeights(sep, "depthwise_kernel(3, 2, 3, 2)", "pointwise_kernel(1, 1, 6, 5)", "bias(5,)");
  }

  @Test
  void output_shape_matches_the_graph_for_every_padding_stride_dilation_and_format() {
    for (List<Object> c :
        WindowTesting.combinations(
            List.of(Padding.VALID, Padding.SAME),
            List.of(1, 2),
            List.of(1, 2),
            List.of(DataFormat.CHANNELS_LAST, DataFormat.CHANNELS_FIRST),
            List.of(true, false))) {
      DataFormat format = (DataFormat) c.get(3);
      long rows = (boolean) c.get(4) ? 10 : -1;
      SeparableConv2D sep =
          new SeparableConv2D(
              SeparableConvConfig.builder(4, 3)
                  .padding((Padding) c.get(0))
                  .strides((int) c.get(1))
                  .dilationRate((int) c.get(2))
                  .dataFormat(format)
                  .build(),
              LayerArgs.named(("sep_" + c).replaceAll("[^A-Za-z0-9_]", "_")));
      assertOutputSpecMatchesGraph(
          sep,
          format == DataFormat.CHANNELS_LAST
              ? spec(TFloat32.class, rows, 9, 3)
              : spec(TFloat32.class, 3, rows, 9));
    }
  }

  @Test
  void equals_a_depthwise_convolution_then_a_pointwise_convolution() {
    Values x = pattern(0, 2, 8, 7, 3);
    Values depthwise = pattern(1, 3, 3, 3, 2);
    Values pointwise = pattern(2, 1, 1, 6, 5);
    Values bias = pattern(3, 5);
    Values separable =
        run(
            new SeparableConv2D(
                SeparableConvConfig.builder(5, 3)
                    .depthMultiplier(2)
                    .strides(2)
                    .padding(Padding.SAME)
                    .activation(BuiltinActivation.RELU)
                    .build()),
            x,
            depthwise.values(),
            pointwise.values(),
            bias.values());
    Values twoLayers =
        run(
            List.of(
                new DepthwiseConv2D(
                    DepthwiseConvConfig.builder(3)
                        .depthMultiplier(2)
                        .strides(2)
                        .padding(Padding.SAME)
                        .useBias(false)
                        .build()),
                new Conv2D(ConvConfig.builder(5, 1).activation(BuiltinActivation.RELU).build())),
            x,
            depthwise.values(),
            pointwise.values(),
            bias.values());
    assertClose(twoLayers, separable, "separable output");
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    Values x = pattern(0, 2, 6, 7, 3);
    SeparableConvConfig.Builder config =
        SeparableConvConfig.builder(4, 3).strides(2).dilationRate(2).padding(Padding.SAME);
    Values last = run(new SeparableConv2D(config.build()), x);
    Values first =
        run(
            new SeparableConv2D(config.dataFormat(DataFormat.CHANNELS_FIRST).build()),
            x.transpose(0, 3, 1, 2));
    assertClose(last, first.transpose(0, 2, 3, 1), "channels_first output, transposed");
  }

  @Test
  void config_round_trip_and_gradient() throws Exception {
    SeparableConv2D sep =
        (SeparableConv2D)
            WindowTesting.read(
                "SeparableConvolution2D", "{\"filters\": 4, \"kernel_size\": 3, \"strides\": 2}");
    assertConfigRoundTrip(sep);
    WindowTesting.assertDifferentiable(sep, spec(TFloat32.class, 9, 9, 3));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 5, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new SeparableConv2D(
              SeparableConvConfig.builder(5, 3, 2).depthMultiplier(2).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 5, 4, 3)) {
      assertTrainingStepLowersLoss(
          new SeparableConv2D(SeparableConvConfig.builder(5, 3, 2).depthMultiplier(2).build()), x);
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
          new SeparableConv2D(
              SeparableConvConfig.builder(4, 3, 2).dilationRate(2, 1).build(), FLOAT64),
          x);
    }
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 8, 7, 3)) {
      assertTrainingStepLowersLoss(
          new SeparableConv2D(SeparableConvConfig.builder(4, 3, 2).dilationRate(2, 1).build()), x);
    }
  }
}

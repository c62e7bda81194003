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

import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class SeparableConv1DTest {

  @Test
  void weights_are_depthwise_pointwise_then_bias_with_keras_names_and_shapes() {
    SeparableConv1D sep = new SeparableConv1D(SeparableConvConfig.builder(4, 3).build());
    assertOutputSpecMatchesGraph(sep, spec(TFloat32.class, 9, 3));
    assertWeights(sep, "depthwise_kernel(3, 3, 1)", "pointwise_kernel(1, 3, 4)", "bias(4,)");
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
      long steps = (boolean) c.get(4) ? 12 : -1;
      SeparableConv1D sep =
          new SeparableConv1D(
              SeparableConvConfig.builder(4, 3)
                  .padding((Padding) c.get(0))
                  .strides((int) c.get(1))
                  .dilationRate((int) c.get(2))
                  .dataFormat(format)
                  .build(),
              LayerArgs.named(("sep1d_" + c).replaceAll("[^A-Za-z0-9_]", "_")));
      assertOutputSpecMatchesGraph(
          sep,
          format == DataFormat.CHANNELS_LAST
              ? spec(TFloat32.class, steps, 3)
              : spec(TFloat32.class, 3, steps));
    }
  }

  @Test
  void equals_a_depthwise_convolution_then_a_pointwise_convolution() {
    Values x = pattern(0, 2, 10, 3);
    Values depthwise = pattern(1, 3, 3, 2);
    Values pointwise = pattern(2, 1, 6, 4);
    Values bias = pattern(3, 4);
    Values separable =
        run(
            new SeparableConv1D(
                SeparableConvConfig.builder(4, 3).depthMultiplier(2).dilationRate(2).build()),
            x,
            depthwise.values(),
            pointwise.values(),
            bias.values());
    Values twoLayers =
        run(
            List.of(
                new DepthwiseConv1D(
                    DepthwiseConvConfig.builder(3)
                        .depthMultiplier(2)
                        .dilationRate(2)
                        .useBias(false)
                        .build()),
                new Conv1D(ConvConfig.builder(4, 1).build())),
            x,
            depthwise.values(),
            pointwise.values(),
            bias.values());
    assertClose(twoLayers, separable, "separable output");
  }

  @Test
  void channels_first_round_trip_and_gradient() {
    Values x = pattern(0, 2, 9, 3);
    SeparableConvConfig.Builder config = SeparableConvConfig.builder(4, 3).padding(Padding.SAME);
    Values last = run(new SeparableConv1D(config.build()), x);
    SeparableConv1D first =
        new SeparableConv1D(config.dataFormat(DataFormat.CHANNELS_FIRST).build());
    assertClose(last, run(first, x.transpose(0, 2, 1)).transpose(0, 2, 1), "channels_first");
    assertConfigRoundTrip(first);
    WindowTesting.assertDifferentiable(
        new SeparableConv1D(config.build()), spec(TFloat32.class, 3, 9));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 6, 3)) {
      assertGradientsMatchFiniteDifferences(
          new SeparableConv1D(
              SeparableConvConfig.builder(4, 3).depthMultiplier(2).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 6, 3)) {
      assertTrainingStepLowersLoss(
          new SeparableConv1D(SeparableConvConfig.builder(4, 3).depthMultiplier(2).build()), x);
    }
  }

  /**
   * Dilated layers train: they dilate through {@code SpaceToBatchND} / {@code BatchToSpaceND}, as
   * {@code tf.nn.convolution} does, because TensorFlow's CPU gradient kernels of dilated
   * convolutions refuse dilations (float64) or abort the JVM under oneDNN (float32).
   */
  @Test
  void dilatedGradientsMatchFiniteDifferencesAndTrain() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 9, 3)) {
      assertGradientsMatchFiniteDifferences(
          new SeparableConv1D(SeparableConvConfig.builder(4, 3).dilationRate(2).build(), FLOAT64),
          x);
    }
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 9, 3)) {
      assertTrainingStepLowersLoss(
          new SeparableConv1D(SeparableConvConfig.builder(4, 3).dilationRate(2).build()), x);
    }
  }
}

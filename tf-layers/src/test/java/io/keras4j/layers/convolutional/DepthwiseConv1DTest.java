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

class DepthwiseConv1DTest {

  @Test
  void weights_are_the_kernel_then_the_bias_with_keras_names_and_shapes() {
    DepthwiseConv1D dw =
        new DepthwiseConv1D(DepthwiseConvConfig.builder(3).depthMultiplier(2).build());
    assertOutputSpecMatchesGraph(dw, spec(TFloat32.class, 9, 3));
    assertWeights(dw, "kernel(3, 3, 2)", "bias(6,)");
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
      DataFormat format = (DataFormat) c.get(3);
      long steps = (boolean) c.get(4) ? 13 : -1;
      DepthwiseConv1D dw =
          new DepthwiseConv1D(
              DepthwiseConvConfig.builder(3)
                  .padding((Padding) c.get(0))
                  .strides((int) c.get(1))
                  .dilationRate((int) c.get(2))
                  .dataFormat(format)
                  .build(),
              LayerArgs.named(("dw1d_" + c).replaceAll("[^A-Za-z0-9_]", "_")));
      assertOutputSpecMatchesGraph(
          dw,
          format == DataFormat.CHANNELS_LAST
              ? spec(TFloat32.class, steps, 3)
              : spec(TFloat32.class, 3, steps));
    }
  }

  @Test
  void equals_a_conv1d_with_one_group_per_input_channel() {
    Values x = pattern(0, 2, 11, 3);
    Values kernel = pattern(1, 3, 3, 2);
    Values bias = pattern(2, 6);
    Values depthwise =
        run(
            new DepthwiseConv1D(
                DepthwiseConvConfig.builder(3)
                    .depthMultiplier(2)
                    .strides(2)
                    .padding(Padding.SAME)
                    .build()),
            x,
            kernel.values(),
            bias.values());
    Values grouped =
        run(
            new Conv1D(ConvConfig.builder(6, 3).groups(3).strides(2).padding(Padding.SAME).build()),
            x,
            kernel.values(),
            bias.values());
    assertClose(grouped, depthwise, "depthwise output");
  }

  @Test
  void channels_first_and_unknown_sizes_give_the_same_output() {
    Values x = pattern(0, 2, 12, 3);
    DepthwiseConvConfig.Builder config =
        DepthwiseConvConfig.builder(3).strides(2).dilationRate(2).padding(Padding.SAME);
    Values last = run(new DepthwiseConv1D(config.build()), x);
    assertClose(
        last,
        WindowTesting.runUnknownSize(new DepthwiseConv1D(config.build()), x, 2),
        "output for sizes known at run time only");
    Values first =
        run(
            new DepthwiseConv1D(config.dataFormat(DataFormat.CHANNELS_FIRST).build()),
            x.transpose(0, 2, 1));
    assertClose(last, first.transpose(0, 2, 1), "channels_first output, transposed");
    assertConfigRoundTrip(new DepthwiseConv1D(config.build()));
    WindowTesting.assertDifferentiable(
        new DepthwiseConv1D(config.build()), spec(TFloat32.class, 3, 12));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 6, 3)) {
      assertGradientsMatchFiniteDifferences(
          new DepthwiseConv1D(DepthwiseConvConfig.builder(3).depthMultiplier(2).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 6, 3)) {
      assertTrainingStepLowersLoss(
          new DepthwiseConv1D(DepthwiseConvConfig.builder(3).depthMultiplier(2).build()), x);
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
          new DepthwiseConv1D(DepthwiseConvConfig.builder(3).dilationRate(2).build(), FLOAT64), x);
    }
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 9, 3)) {
      assertTrainingStepLowersLoss(
          new DepthwiseConv1D(DepthwiseConvConfig.builder(3).dilationRate(2).build()), x);
    }
  }
}

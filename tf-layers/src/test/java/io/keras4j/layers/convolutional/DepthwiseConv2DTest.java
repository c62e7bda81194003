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

import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class DepthwiseConv2DTest {

  @Test
  void weights_are_the_kernel_then_the_bias_with_keras_names_and_shapes() {
    DepthwiseConv2D dw =
        new DepthwiseConv2D(DepthwiseConvConfig.builder(3, 2).depthMultiplier(2).build());
    assertOutputSpecMatchesGraph(dw, spec(TFloat32.class, 7, 7, 3));
    assertWeights(dw, "kernel(3, 2, 3, 2)", "bias(6,)");
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
      long rows = (boolean) c.get(4) ? 11 : -1;
      DepthwiseConv2D dw =
          new DepthwiseConv2D(
              DepthwiseConvConfig.builder(3, 2)
                  .depthMultiplier(2)
                  .padding((Padding) c.get(0))
                  .strides((int) c.get(1))
                  .dilationRate((int) c.get(2))
                  .dataFormat(format)
                  .build(),
              LayerArgs.named(("dw_" + c).replaceAll("[^A-Za-z0-9_]", "_")));
      assertOutputSpecMatchesGraph(
          dw,
          format == DataFormat.CHANNELS_LAST
              ? spec(TFloat32.class, rows, 9, 3)
              : spec(TFloat32.class, 3, rows, 9));
    }
  }

  @Test
  void equals_a_convolution_with_one_group_per_input_channel() {
    // Keras' output channel c * depth_multiplier + m is input channel c convolved with
    // kernel[..., c, m]: the kernel of a grouped Conv2D, (rows, cols, 1, channels * multiplier),
    // holds the same values in the same order.
    Values x = pattern(0, 2, 7, 6, 3);
    Values kernel = pattern(1, 3, 2, 3, 2);
    Values bias = pattern(2, 6);
    for (List<Object> c :
        WindowTesting.combinations(
            List.of(Padding.VALID, Padding.SAME), List.of(List.of(2, 1), List.of(1, 2)))) {
      Padding padding = (Padding) c.get(0);
      @SuppressWarnings("unchecked")
      List<Integer> strideAndDilation = (List<Integer>) c.get(1);
      int stride = strideAndDilation.get(0);
      int dilation = strideAndDilation.get(1);
      Values depthwise =
          run(
              new DepthwiseConv2D(
                  DepthwiseConvConfig.builder(3, 2)
                      .depthMultiplier(2)
                      .strides(stride, 1)
                      .dilationRate(dilation)
                      .padding(padding)
                      .build()),
              x,
              kernel.values(),
              bias.values());
      Values grouped =
          run(
              new Conv2D(
                  ConvConfig.builder(6, 3, 2)
                      .groups(3)
                      .strides(stride, 1)
                      .dilationRate(dilation)
                      .padding(padding)
                      .build()),
              x,
              kernel.values(),
              bias.values());
      assertClose(grouped, depthwise, "depthwise output, " + c);
    }
  }

  @Test
  void a_stride_with_a_dilation_equals_the_dilated_convolution_subsampled() {
    Values x = pattern(0, 1, 11, 10, 2);
    DepthwiseConvConfig.Builder config = DepthwiseConvConfig.builder(3).dilationRate(2);
    Values full = run(new DepthwiseConv2D(config.build()), x);
    Values strided = run(new DepthwiseConv2D(config.strides(2, 3).build()), x);
    long[] dims = full.shape().asArray();
    long rows = (dims[1] + 1) / 2;
    long cols = (dims[2] + 2) / 3;
    float[] expected = new float[(int) (rows * cols * 2)];
    int k = 0;
    for (int r = 0; r < dims[1]; r += 2) {
      for (int col = 0; col < dims[2]; col += 3) {
        for (int ch = 0; ch < 2; ch++) {
          expected[k++] = full.values()[(int) ((r * dims[2] + col) * 2 + ch)];
        }
      }
    }
    assertClose(new Values(Shape.of(1, rows, cols, 2), expected), strided, "strided output");
  }

  @Test
  void sizes_unknown_when_the_graph_is_built_give_the_same_output() {
    Values x = pattern(0, 2, 9, 8, 3);
    DepthwiseConvConfig config =
        DepthwiseConvConfig.builder(3).strides(2).dilationRate(2).padding(Padding.SAME).build();
    assertClose(
        run(new DepthwiseConv2D(config), x),
        WindowTesting.runUnknownSize(new DepthwiseConv2D(config), x, 3),
        "output for sizes known at run time only");
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    Values x = pattern(0, 2, 6, 7, 3);
    DepthwiseConvConfig.Builder config =
        DepthwiseConvConfig.builder(3).depthMultiplier(2).padding(Padding.SAME).dilationRate(2);
    Values last = run(new DepthwiseConv2D(config.build()), x);
    Values first =
        run(
            new DepthwiseConv2D(config.dataFormat(DataFormat.CHANNELS_FIRST).build()),
            x.transpose(0, 3, 1, 2));
    assertClose(last, first.transpose(0, 2, 3, 1), "channels_first output, transposed");
  }

  @Test
  void config_round_trip_keras_json_and_gradient() throws Exception {
    DepthwiseConv2D read =
        (DepthwiseConv2D)
            WindowTesting.read(
                "DepthwiseConv2D",
                "{\"kernel_size\": 3, \"depth_multiplier\": 2, \"strides\": 2, \"dilation_rate\":"
                    + " 2, \"padding\": \"same\"}");
    assertEquals(List.of(3, 3), read.getConfig().kernelSize());
    assertConfigRoundTrip(read);
    WindowTesting.assertDifferentiable(read, spec(TFloat32.class, 9, 9, 3));
    Conv2DTest.assertMessage(
        "Received depth_multiplier=0",
        () -> DepthwiseConvConfig.builder(3).depthMultiplier(0).build());
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 5, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new DepthwiseConv2D(
              DepthwiseConvConfig.builder(3, 2).depthMultiplier(2).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 5, 4, 3)) {
      assertTrainingStepLowersLoss(
          new DepthwiseConv2D(DepthwiseConvConfig.builder(3, 2).depthMultiplier(2).build()), x);
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
          new DepthwiseConv2D(
              DepthwiseConvConfig.builder(3, 2).dilationRate(2, 1).build(), FLOAT64),
          x);
    }
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 8, 7, 3)) {
      assertTrainingStepLowersLoss(
          new DepthwiseConv2D(DepthwiseConvConfig.builder(3, 2).dilationRate(2, 1).build()), x);
    }
  }
}

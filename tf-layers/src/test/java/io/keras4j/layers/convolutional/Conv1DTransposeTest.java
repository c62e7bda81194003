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
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class Conv1DTransposeTest {

  @Test
  void weights_are_the_kernel_then_the_bias_with_keras_shapes() {
    Conv1DTranspose up = new Conv1DTranspose(ConvTransposeConfig.builder(3, 4).build());
    assertOutputSpecMatchesGraph(up, spec(TFloat32.class, 6, 5));
    assertWeights(up, "kernel(4, 3, 5)", "bias(3,)");
  }

  @Test
  void output_shape_matches_the_graph_for_every_padding_stride_output_padding_and_format() {
    for (List<Object> c :
        WindowTesting.combinations(
            List.of(Padding.VALID, Padding.SAME),
            List.of(1, 2, 3),
            List.of(-1, 0, 2),
            List.of(DataFormat.CHANNELS_LAST, DataFormat.CHANNELS_FIRST),
            List.of(true, false))) {
      int stride = (int) c.get(1);
      int outputPadding = (int) c.get(2);
      if (outputPadding >= stride) continue;
      DataFormat format = (DataFormat) c.get(3);
      long steps = (boolean) c.get(4) ? 6 : -1;
      ConvTransposeConfig.Builder config =
          ConvTransposeConfig.builder(3, 3)
              .padding((Padding) c.get(0))
              .strides(stride)
              .dataFormat(format);
      if (outputPadding >= 0) config.outputPadding(outputPadding);
      assertOutputSpecMatchesGraph(
          new Conv1DTranspose(
              config.build(), LayerArgs.named(("up1d_" + c).replaceAll("[^A-Za-z0-9_]", "_"))),
          format == DataFormat.CHANNELS_LAST
              ? spec(TFloat32.class, steps, 4)
              : spec(TFloat32.class, 4, steps));
    }
  }

  @Test
  void is_the_adjoint_of_conv1d_with_the_same_kernel() {
    for (List<Object> c :
        WindowTesting.combinations(
            List.of(Padding.VALID, Padding.SAME), List.of(1, 2), List.of(1, 3))) {
      Padding padding = (Padding) c.get(0);
      int stride = (int) c.get(1);
      int dilation = (int) c.get(2);
      if (stride > 1 && dilation > 1) continue;
      Values kernel = pattern(1, 3, 2, 4);
      Values y = pattern(0, 2, 6, 4);
      Values up =
          run(
              new Conv1DTranspose(
                  ConvTransposeConfig.builder(2, 3)
                      .strides(stride)
                      .dilationRate(dilation)
                      .padding(padding)
                      .useBias(false)
                      .build()),
              y,
              kernel.values());
      Values x = pattern(3, up.shape().asArray());
      Values down =
          run(
              new Conv1D(
                  ConvConfig.builder(4, 3)
                      .strides(stride)
                      .dilationRate(dilation)
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
  void channels_first_and_unknown_sizes_give_the_same_output() {
    Values x = pattern(0, 2, 6, 4);
    ConvTransposeConfig.Builder config = ConvTransposeConfig.builder(3, 3).strides(2);
    Values last = run(new Conv1DTranspose(config.build()), x);
    assertClose(
        last,
        WindowTesting.runUnknownSize(new Conv1DTranspose(config.build()), x, 2),
        "output for sizes known at run time only");
    Values first =
        run(
            new Conv1DTranspose(config.dataFormat(DataFormat.CHANNELS_FIRST).build()),
            x.transpose(0, 2, 1));
    assertClose(last, first.transpose(0, 2, 1), "channels_first output, transposed");
  }

  @Test
  void config_round_trip_and_gradient() {
    Conv1DTranspose up =
        new Conv1DTranspose(ConvTransposeConfig.builder(3, 3).strides(2).outputPadding(1).build());
    assertConfigRoundTrip(up);
    WindowTesting.assertDifferentiable(up, spec(TFloat32.class, 6, 4));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 2)) {
      assertGradientsMatchFiniteDifferences(
          new Conv1DTranspose(
              ConvTransposeConfig.builder(3, 3).strides(2).outputPadding(1).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 2)) {
      assertTrainingStepLowersLoss(
          new Conv1DTranspose(
              ConvTransposeConfig.builder(3, 3).strides(2).outputPadding(1).build()),
          x);
    }
  }

  // Dilated, TensorFlow's CPU Conv2DBackpropInput runs in float32 only (oneDNN); in float64 it
  // refuses dilation rates above 1, as it does for Keras. So float32 and its tolerance.
  @Test
  void dilatedGradientsMatchFiniteDifferencesAndTrain() {
    try (TFloat32 x = gaussian(TFloat32.class, 1, 2, 9, 3)) {
      assertGradientsMatchFiniteDifferences(
          new Conv1DTranspose(ConvTransposeConfig.builder(4, 3).dilationRate(2).build()), x);
    }
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 9, 3)) {
      assertTrainingStepLowersLoss(
          new Conv1DTranspose(ConvTransposeConfig.builder(4, 3).dilationRate(2).build()), x);
    }
  }
}

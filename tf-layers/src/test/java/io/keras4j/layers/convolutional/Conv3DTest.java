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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class Conv3DTest {

  @Test
  void weights_are_the_kernel_then_the_bias_with_keras_shapes() {
    Conv3D conv = new Conv3D(ConvConfig.builder(3, 2, 3, 1).build());
    assertOutputSpecMatchesGraph(conv, spec(TFloat32.class, 5, 5, 5, 2));
    assertWeights(conv, "kernel(2, 3, 1, 2, 3)", "bias(3,)");
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
      int stride = (int) c.get(1);
      int dilation = (int) c.get(2);
      if (stride > 1 && dilation > 1) continue;
      DataFormat format = (DataFormat) c.get(3);
      long d = (boolean) c.get(4) ? 7 : -1;
      Conv3D conv =
          new Conv3D(
              ConvConfig.builder(2, 3, 2, 1)
                  .padding((Padding) c.get(0))
                  .strides(stride)
                  .dilationRate(dilation)
                  .dataFormat(format)
                  .build(),
              LayerArgs.named(("conv3d_" + c).replaceAll("[^A-Za-z0-9_]", "_")));
      assertOutputSpecMatchesGraph(
          conv,
          format == DataFormat.CHANNELS_LAST
              ? spec(TFloat32.class, d, 6, d, 2)
              : spec(TFloat32.class, 2, d, 6, d));
    }
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    Values x = pattern(0, 2, 5, 4, 6, 4);
    ConvConfig.Builder config = ConvConfig.builder(4, 2, 3, 2).strides(1, 2, 2).groups(2);
    Values last = run(new Conv3D(config.build()), x);
    Values first =
        run(
            new Conv3D(config.dataFormat(DataFormat.CHANNELS_FIRST).build()),
            x.transpose(0, 4, 1, 2, 3));
    assertClose(last, first.transpose(0, 2, 3, 4, 1), "channels_first output, transposed");
  }

  @Test
  void every_setting_survives_the_config_round_trip() throws Exception {
    assertConfigRoundTrip(
        new Conv3D(
            ConvConfig.builder(4, 3)
                .padding(Padding.SAME)
                .dilationRate(1, 2, 1)
                .dataFormat(DataFormat.CHANNELS_FIRST)
                .groups(2)
                .build()));
    assertInstanceOf(
        Conv3D.class, WindowTesting.read("Convolution3D", "{\"filters\": 2, \"kernel_size\": 3}"));
  }

  // TensorFlow's C++ library has no gradient for Conv3D: Keras4J registers one.
  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4, 2, 2)) {
      assertGradientsMatchFiniteDifferences(
          new Conv3D(ConvConfig.builder(3, 2, 3, 1).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4, 2, 2)) {
      assertTrainingStepLowersLoss(new Conv3D(ConvConfig.builder(3, 2, 3, 1).build()), x);
    }
  }
}

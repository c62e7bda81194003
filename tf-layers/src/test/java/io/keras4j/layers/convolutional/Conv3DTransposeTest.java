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

class Conv3DTransposeTest {

  @Test
  void weights_are_the_kernel_then_the_bias_with_keras_shapes() {
    Conv3DTranspose up = new Conv3DTranspose(ConvTransposeConfig.builder(3, 2, 3, 1).build());
    assertOutputSpecMatchesGraph(up, spec(TFloat32.class, 4, 4, 4, 2));
    assertWeights(up, "kernel(2, 3, 1, 3, 2)", "bias(3,)");
  }

  @Test
  void output_shape_matches_the_graph_for_every_padding_stride_and_format() {
    for (List<Object> c :
        WindowTesting.combinations(
            List.of(Padding.VALID, Padding.SAME),
            List.of(1, 2),
            List.of(DataFormat.CHANNELS_LAST, DataFormat.CHANNELS_FIRST),
            List.of(true, false))) {
      DataFormat format = (DataFormat) c.get(2);
      long d = (boolean) c.get(3) ? 4 : -1;
      Conv3DTranspose up =
          new Conv3DTranspose(
              ConvTransposeConfig.builder(2, 3, 2, 1)
                  .padding((Padding) c.get(0))
                  .strides((int) c.get(1))
                  .dataFormat(format)
                  .build(),
              LayerArgs.named(("up3d_" + c).replaceAll("[^A-Za-z0-9_]", "_")));
      assertOutputSpecMatchesGraph(
          up,
          format == DataFormat.CHANNELS_LAST
              ? spec(TFloat32.class, d, 3, d, 2)
              : spec(TFloat32.class, 2, d, 3, d));
    }
  }

  @Test
  void is_the_adjoint_of_conv3d_with_the_same_kernel() {
    Values kernel = pattern(1, 2, 3, 2, 2, 3);
    Values y = pattern(0, 1, 3, 3, 2, 3);
    Values up =
        run(
            new Conv3DTranspose(
                ConvTransposeConfig.builder(2, 2, 3, 2).strides(2).useBias(false).build()),
            y,
            kernel.values());
    Values x = pattern(3, up.shape().asArray());
    Values down =
        run(
            new Conv3D(ConvConfig.builder(3, 2, 3, 2).strides(2).useBias(false).build()),
            x,
            kernel.values());
    assertEquals(y.shape(), down.shape());
    assertEquals(down.dot(y), x.dot(up), 1e-4 * Math.abs(x.dot(up)));
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    Values x = pattern(0, 2, 3, 4, 3, 2);
    ConvTransposeConfig.Builder config =
        ConvTransposeConfig.builder(2, 2).strides(2).padding(Padding.SAME);
    Values last = run(new Conv3DTranspose(config.build()), x);
    Values first =
        run(
            new Conv3DTranspose(config.dataFormat(DataFormat.CHANNELS_FIRST).build()),
            x.transpose(0, 4, 1, 2, 3));
    assertClose(last, first.transpose(0, 2, 3, 4, 1), "channels_first output, transposed");
    assertConfigRoundTrip(new Conv3DTranspose(config.build()));
  }

  // TensorFlow's C++ library has no gradient for Conv3DBackpropInputV2: Keras4J registers one.
  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 2, 2, 2)) {
      assertGradientsMatchFiniteDifferences(
          new Conv3DTranspose(ConvTransposeConfig.builder(3, 2, 3, 1).strides(2).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 2, 2, 2)) {
      assertTrainingStepLowersLoss(
          new Conv3DTranspose(ConvTransposeConfig.builder(3, 2, 3, 1).strides(2).build()), x);
    }
  }
}

package io.keras4j.layers.pooling;

import static io.keras4j.layers.convolutional.WindowTesting.run;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.keras4j.layers.convolutional.DataFormat;
import io.keras4j.layers.convolutional.Padding;
import io.keras4j.layers.convolutional.WindowTesting;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class AveragePooling2DTest {

  @Test
  void output_shape_matches_the_graph_for_every_padding_window_stride_and_format() {
    PoolingChecks.assertOutputShapesMatchGraph(2, AveragePooling2D::new);
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    PoolingChecks.assertChannelsFirstEqualsChannelsLast(2, AveragePooling2D::new);
  }

  @Test
  void same_padding_averages_only_the_cells_inside_the_input() {
    // Keras' `same` average pooling leaves the padding out of each window's count, so a constant
    // input stays constant up to the borders.
    float[] ones = new float[2 * 7 * 6 * 3];
    Arrays.fill(ones, 1f);
    Values y =
        run(
            new AveragePooling2D(PoolingConfig.builder(3).strides(2).padding(Padding.SAME).build()),
            new Values(Shape.of(2, 7, 6, 3), ones));
    float[] expected = new float[y.values().length];
    Arrays.fill(expected, 1f);
    assertArrayEquals(expected, y.values(), 1e-6f);
  }

  @Test
  void config_round_trip_alias_and_gradient() throws Exception {
    assertInstanceOf(AveragePooling2D.class, WindowTesting.read("AvgPool2D", "{\"pool_size\": 2}"));
    AveragePooling2D pool =
        new AveragePooling2D(
            PoolingConfig.builder(3, 2)
                .strides(1, 2)
                .padding(Padding.SAME)
                .dataFormat(DataFormat.CHANNELS_FIRST)
                .build());
    assertConfigRoundTrip(pool);
    WindowTesting.assertDifferentiable(pool, spec(TFloat32.class, 3, 8, 8));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 5, 6, 2)) {
      assertGradientsMatchFiniteDifferences(
          new AveragePooling2D(
              PoolingConfig.builder(3).strides(2).padding(Padding.SAME).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 5, 6, 2)) {
      assertTrainingStepLowersLoss(
          new AveragePooling2D(PoolingConfig.builder(3).strides(2).padding(Padding.SAME).build()),
          x);
    }
  }
}

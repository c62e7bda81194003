package io.keras4j.layers.pooling;

import static io.keras4j.layers.convolutional.WindowTesting.assertClose;
import static io.keras4j.layers.convolutional.WindowTesting.pattern;
import static io.keras4j.layers.convolutional.WindowTesting.run;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.keras4j.layers.convolutional.Padding;
import io.keras4j.layers.convolutional.WindowTesting;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class MaxPooling1DTest {

  @Test
  void output_shape_matches_the_graph_for_every_padding_window_stride_and_format() {
    PoolingChecks.assertOutputShapesMatchGraph(1, MaxPooling1D::new);
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    PoolingChecks.assertChannelsFirstEqualsChannelsLast(1, MaxPooling1D::new);
  }

  @Test
  void equals_max_pooling2d_over_a_height_of_one() {
    Values x = pattern(0, 2, 9, 3);
    Values oneD =
        run(new MaxPooling1D(PoolingConfig.builder(3).strides(2).padding(Padding.SAME).build()), x);
    Values twoD =
        run(
            new MaxPooling2D(
                PoolingConfig.builder(1, 3).strides(1, 2).padding(Padding.SAME).build()),
            new Values(Shape.of(2, 1, 9, 3), x.values()));
    assertClose(twoD, new Values(Shape.of(2, 1, 5, 3), oneD.values()), "MaxPooling2D output");
  }

  @Test
  void config_round_trip_alias_and_gradient() throws Exception {
    assertInstanceOf(MaxPooling1D.class, WindowTesting.read("MaxPool1D", "{\"pool_size\": 2}"));
    MaxPooling1D pool = new MaxPooling1D(PoolingConfig.builder(2).strides(1).build());
    assertConfigRoundTrip(pool);
    WindowTesting.assertDifferentiable(pool, spec(TFloat32.class, 9, 3));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 7, 3)) {
      assertGradientsMatchFiniteDifferences(
          new MaxPooling1D(
              PoolingConfig.builder(3).strides(2).padding(Padding.SAME).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 7, 3)) {
      assertTrainingStepLowersLoss(
          new MaxPooling1D(PoolingConfig.builder(3).strides(2).padding(Padding.SAME).build()), x);
    }
  }
}

package io.keras4j.layers.pooling;

import static io.keras4j.layers.convolutional.WindowTesting.pattern;
import static io.keras4j.layers.convolutional.WindowTesting.run;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.keras4j.layers.convolutional.Padding;
import io.keras4j.layers.convolutional.WindowTesting;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class AveragePooling1DTest {

  @Test
  void output_shape_matches_the_graph_for_every_padding_window_stride_and_format() {
    PoolingChecks.assertOutputShapesMatchGraph(1, AveragePooling1D::new);
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    PoolingChecks.assertChannelsFirstEqualsChannelsLast(1, AveragePooling1D::new);
  }

  @Test
  void same_padding_averages_only_the_steps_inside_the_input() {
    float[] ones = new float[2 * 8 * 2];
    Arrays.fill(ones, 1f);
    Values y =
        run(
            new AveragePooling1D(PoolingConfig.builder(3).strides(2).padding(Padding.SAME).build()),
            new Values(Shape.of(2, 8, 2), ones));
    float[] expected = new float[y.values().length];
    Arrays.fill(expected, 1f);
    assertArrayEquals(expected, y.values(), 1e-6f);
  }

  @Test
  void lies_between_the_min_and_the_max_pooling() {
    Values x = pattern(0, 2, 9, 3);
    PoolingConfig config = PoolingConfig.builder(3).strides(2).build();
    Values average = run(new AveragePooling1D(config), x);
    PoolingChecks.assertAtLeast(run(new MaxPooling1D(config), x), average, "max - avg");
  }

  @Test
  void config_round_trip_alias_and_gradient() throws Exception {
    assertInstanceOf(
        AveragePooling1D.class, WindowTesting.read("AvgPool1D", "{\"pool_size\": [2]}"));
    AveragePooling1D pool = new AveragePooling1D(PoolingConfig.builder(2).build());
    assertConfigRoundTrip(pool);
    WindowTesting.assertDifferentiable(pool, spec(TFloat32.class, 8, 3));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 7, 3)) {
      assertGradientsMatchFiniteDifferences(
          new AveragePooling1D(
              PoolingConfig.builder(3).strides(2).padding(Padding.SAME).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 7, 3)) {
      assertTrainingStepLowersLoss(
          new AveragePooling1D(PoolingConfig.builder(3).strides(2).padding(Padding.SAME).build()),
          x);
    }
  }
}

package io.keras4j.layers.pooling;

import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.keras4j.layers.convolutional.WindowTesting;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

class AveragePooling3DTest {

  @Test
  void output_shape_matches_the_graph_for_every_padding_window_stride_and_format() {
    PoolingChecks.assertOutputShapesMatchGraph(3, AveragePooling3D::new);
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    PoolingChecks.assertChannelsFirstEqualsChannelsLast(3, AveragePooling3D::new);
  }

  @Test
  void config_round_trip_alias_and_gradient() throws Exception {
    assertInstanceOf(AveragePooling3D.class, WindowTesting.read("AvgPool3D", "{\"pool_size\": 2}"));
    AveragePooling3D pool = new AveragePooling3D(PoolingConfig.builder(2).strides(1, 2, 2).build());
    assertConfigRoundTrip(pool);
    WindowTesting.assertDifferentiable(pool, spec(TFloat32.class, 4, 4, 4, 2));
  }

  // TensorFlow's CPU AvgPool3D and its gradient take float32, not float64: float32's tolerance.
  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat32 x = gaussian(TFloat32.class, 1, 2, 3, 4, 4, 2)) {
      assertGradientsMatchFiniteDifferences(
          new AveragePooling3D(PoolingConfig.builder(2).strides(1, 2, 2).build()), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4, 4, 2)) {
      assertTrainingStepLowersLoss(
          new AveragePooling3D(PoolingConfig.builder(2).strides(1, 2, 2).build()), x);
    }
  }
}

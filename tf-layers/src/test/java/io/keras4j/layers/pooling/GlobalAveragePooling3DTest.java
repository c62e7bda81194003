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

import io.keras4j.layers.convolutional.DataFormat;
import io.keras4j.layers.convolutional.WindowTesting;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class GlobalAveragePooling3DTest {

  @Test
  void output_shape_matches_the_graph_for_every_format_with_and_without_keepdims() {
    PoolingChecks.assertGlobalOutputShapesMatchGraph(3, GlobalAveragePooling3D::new);
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    PoolingChecks.assertGlobalChannelsFirstEqualsChannelsLast(3, GlobalAveragePooling3D::new);
  }

  @Test
  void the_average_of_a_constant_is_the_constant() {
    Values x = pattern(0, 2, 4, 3, 5, 3);
    Arrays.fill(x.values(), 0.25f);
    Values y = run(new GlobalAveragePooling3D(GlobalPoolingConfig.defaults()), x);
    float[] expected = new float[2 * 3];
    Arrays.fill(expected, 0.25f);
    assertArrayEquals(expected, y.values(), 1e-7f);
  }

  @Test
  void config_round_trip_alias_and_gradient() throws Exception {
    assertInstanceOf(
        GlobalAveragePooling3D.class,
        WindowTesting.read("GlobalAvgPool3D", "{\"keepdims\": true}"));
    GlobalAveragePooling3D pool =
        new GlobalAveragePooling3D(
            GlobalPoolingConfig.builder()
                .dataFormat(DataFormat.CHANNELS_FIRST)
                .keepdims(true)
                .build());
    assertConfigRoundTrip(pool);
    WindowTesting.assertDifferentiable(pool, spec(TFloat32.class, 4, 3, 5, 3));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 2, 3, 2, 2)) {
      assertGradientsMatchFiniteDifferences(
          new GlobalAveragePooling3D(GlobalPoolingConfig.defaults(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 2, 3, 2, 2)) {
      assertTrainingStepLowersLoss(new GlobalAveragePooling3D(GlobalPoolingConfig.defaults()), x);
    }
  }
}

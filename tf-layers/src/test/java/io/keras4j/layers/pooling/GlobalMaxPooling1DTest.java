package io.keras4j.layers.pooling;

import static io.keras4j.layers.convolutional.WindowTesting.pattern;
import static io.keras4j.layers.convolutional.WindowTesting.run;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.keras4j.layers.convolutional.DataFormat;
import io.keras4j.layers.convolutional.WindowTesting;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class GlobalMaxPooling1DTest {

  @Test
  void output_shape_matches_the_graph_for_every_format_with_and_without_keepdims() {
    PoolingChecks.assertGlobalOutputShapesMatchGraph(1, GlobalMaxPooling1D::new);
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    PoolingChecks.assertGlobalChannelsFirstEqualsChannelsLast(1, GlobalMaxPooling1D::new);
  }

  @Test
  void the_maximum_is_at_least_the_average() {
    Values x = pattern(0, 2, 6, 3);
    PoolingChecks.assertAtLeast(
        run(new GlobalMaxPooling1D(GlobalPoolingConfig.defaults()), x),
        run(new GlobalAveragePooling1D(GlobalPoolingConfig.defaults()), x),
        "max - average");
  }

  @Test
  void config_round_trip_alias_and_gradient() throws Exception {
    assertInstanceOf(
        GlobalMaxPooling1D.class, WindowTesting.read("GlobalMaxPool1D", "{\"keepdims\": true}"));
    GlobalMaxPooling1D pool =
        new GlobalMaxPooling1D(
            GlobalPoolingConfig.builder()
                .dataFormat(DataFormat.CHANNELS_FIRST)
                .keepdims(true)
                .build());
    assertConfigRoundTrip(pool);
    WindowTesting.assertDifferentiable(pool, spec(TFloat32.class, 6, 3));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 5, 3)) {
      assertGradientsMatchFiniteDifferences(
          new GlobalMaxPooling1D(GlobalPoolingConfig.defaults(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 5, 3)) {
      assertTrainingStepLowersLoss(new GlobalMaxPooling1D(GlobalPoolingConfig.defaults()), x);
    }
  }
}

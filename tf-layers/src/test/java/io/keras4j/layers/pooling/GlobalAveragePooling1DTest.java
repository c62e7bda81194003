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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.DataFormat;
import io.keras4j.layers.convolutional.WindowTesting;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class GlobalAveragePooling1DTest {

  @Test
  void output_shape_matches_the_graph_for_every_format_with_and_without_keepdims() {
    PoolingChecks.assertGlobalOutputShapesMatchGraph(1, GlobalAveragePooling1D::new);
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    PoolingChecks.assertGlobalChannelsFirstEqualsChannelsLast(1, GlobalAveragePooling1D::new);
  }

  @Test
  void the_average_of_a_constant_is_the_constant() {
    Values x = pattern(0, 2, 6, 3);
    Arrays.fill(x.values(), 0.25f);
    Values y = run(new GlobalAveragePooling1D(GlobalPoolingConfig.defaults()), x);
    float[] expected = new float[2 * 3];
    Arrays.fill(expected, 0.25f);
    assertArrayEquals(expected, y.values(), 1e-7f);
  }

  @Test
  void with_a_mask_averages_the_unmasked_steps_only_and_passes_no_mask_on() {
    // Batch row 0 keeps its first 4 of 6 steps, row 1 its first 2: each output equals the
    // average of that row's unmasked prefix.
    Values x = pattern(0, 2, 6, 3);
    boolean[][] keep = {
      {true, true, true, true, false, false}, {true, true, false, false, false, false}
    };
    GlobalAveragePooling1D pool =
        new GlobalAveragePooling1D(GlobalPoolingConfig.defaults(), LayerArgs.named("masked"));
    float[] masked = new float[6];
    try (Graph g = new Graph();
        Session s = new Session(g);
        TFloat32 input = x.tensor()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(x.shape()));
      Operand<TBool> mask = tf.constant(keep);
      List<Operand<?>> out =
          pool.apply(tf, List.of(in), CallContext.inference().withMasks(List.of(mask)));
      assertTrue(pool.supportsMasking());
      assertNull(pool.computeMask(tf, List.of(in), List.of(mask), 1).get(0));
      try (Result r = s.runner().feed(in, input).fetch(out.get(0)).run()) {
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(masked, false, false));
      }
    }
    for (int row = 0; row < 2; row++) {
      int steps = row == 0 ? 4 : 2;
      Values prefix =
          new Values(
              Shape.of(1, steps, 3),
              Arrays.copyOfRange(x.values(), row * 18, row * 18 + steps * 3));
      Values expected = run(new GlobalAveragePooling1D(GlobalPoolingConfig.defaults()), prefix);
      assertArrayEquals(
          expected.values(), Arrays.copyOfRange(masked, row * 3, row * 3 + 3), 1e-6f, "row " + row);
    }
  }

  @Test
  void config_round_trip_alias_and_gradient() throws Exception {
    assertInstanceOf(
        GlobalAveragePooling1D.class,
        WindowTesting.read("GlobalAvgPool1D", "{\"keepdims\": true}"));
    GlobalAveragePooling1D pool =
        new GlobalAveragePooling1D(
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
          new GlobalAveragePooling1D(GlobalPoolingConfig.defaults(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 5, 3)) {
      assertTrainingStepLowersLoss(new GlobalAveragePooling1D(GlobalPoolingConfig.defaults()), x);
    }
  }
}

package io.keras4j.layers.pooling;

import static io.keras4j.layers.convolutional.WindowTesting.pattern;
import static io.keras4j.layers.convolutional.WindowTesting.run;
import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.Padding;
import io.keras4j.layers.convolutional.WindowTesting;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class MaxPooling2DTest {

  @Test
  void output_shape_matches_the_graph_for_every_padding_window_stride_and_format() {
    PoolingChecks.assertOutputShapesMatchGraph(2, MaxPooling2D::new);
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    PoolingChecks.assertChannelsFirstEqualsChannelsLast(2, MaxPooling2D::new);
  }

  @Test
  void the_maximum_of_a_window_is_at_least_its_average() {
    Values x = pattern(0, 2, 9, 8, 3);
    for (Padding padding : List.of(Padding.VALID, Padding.SAME)) {
      PoolingConfig config = PoolingConfig.builder(3, 2).strides(2).padding(padding).build();
      PoolingChecks.assertAtLeast(
          run(new MaxPooling2D(config), x), run(new AveragePooling2D(config), x), "max - avg");
    }
  }

  @Test
  void builds_tensorflows_classic_max_pool_op_as_keras_does() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      new MaxPooling2D(PoolingConfig.builder(2).build())
          .apply(
              tf,
              List.of(tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 8, 8, 3)))),
              CallContext.inference());
      List<String> types = new ArrayList<>();
      g.operations().forEachRemaining(op -> types.add(op.type()));
      assertTrue(types.contains("MaxPool"), "ops: " + types);
      assertFalse(types.contains("MaxPoolV2"), "ops: " + types);
    }
  }

  @Test
  void reads_and_writes_the_json_keras_wrote() throws Exception {
    JsonNode keras = WindowTesting.kerasSerialized("MaxPooling2D");
    Layer pool = WindowTesting.read(keras);
    assertInstanceOf(MaxPooling2D.class, pool);
    assertJsonEquals(keras, WindowTesting.write(pool));
  }

  @Test
  void strides_default_to_the_pool_size_and_ints_become_tuples() throws Exception {
    Layer pool = WindowTesting.read("MaxPool2D", "{\"pool_size\": 3, \"strides\": null}");
    assertInstanceOf(MaxPooling2D.class, pool);
    PoolingConfig config = (PoolingConfig) pool.getConfig();
    assertEquals(List.of(3, 3), config.poolSize());
    assertEquals(List.of(3, 3), config.strides());
    assertEquals(
        List.of(2, 2), new MaxPooling2D(PoolingConfig.builder().build()).getConfig().poolSize());
    assertConfigRoundTrip(pool);
  }

  @Test
  void training_can_differentiate_through_the_layer() {
    WindowTesting.assertDifferentiable(
        new MaxPooling2D(PoolingConfig.builder(3).strides(2).padding(Padding.SAME).build()),
        spec(TFloat32.class, 9, 8, 3));
  }

  @Test
  void invalid_settings_fail_with_keras_messages() {
    assertTrue(
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> PoolingConfig.builder(2).padding(Padding.CAUSAL).build())
            .getMessage()
            .contains("must be either 'valid' or 'same'"));
    assertTrue(
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () ->
                    new MaxPooling2D(PoolingConfig.builder(2, 2, 2).build(), LayerArgs.defaults()))
            .getMessage()
            .contains("must be a tuple of 2 integers"));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 5, 6, 2)) {
      assertGradientsMatchFiniteDifferences(
          new MaxPooling2D(
              PoolingConfig.builder(3, 2).strides(2).padding(Padding.SAME).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 5, 6, 2)) {
      assertTrainingStepLowersLoss(
          new MaxPooling2D(PoolingConfig.builder(3, 2).strides(2).padding(Padding.SAME).build()),
          x);
    }
  }
}

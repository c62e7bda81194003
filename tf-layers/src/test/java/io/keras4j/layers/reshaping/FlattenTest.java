package io.keras4j.layers.reshaping;

import static io.keras4j.layers.reshaping.ReshapingChecks.floats;
import static io.keras4j.layers.reshaping.ReshapingChecks.randomFloats;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.predict;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Input;
import io.keras4j.serialization.KerasJson;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;

class FlattenTest {

  private static String outShape(Flatten layer, TensorSpec in) {
    return Shapes.toKeras(assertOutputSpecMatchesGraph(layer, in).get(0).shape());
  }

  @Test
  void outputSpecMatchesGraph() {
    Flatten last = new Flatten(FlattenConfig.defaults());
    assertEquals("(None, 24)", outShape(last, spec(TFloat32.class, 3, 4, 2)));
    assertEquals(
        "(2, 24)",
        outShape(
            new Flatten(FlattenConfig.defaults()),
            new TensorSpec(Shape.of(2, 3, 4, 2), TFloat32.class)));
    assertEquals(
        "(None, 12)",
        outShape(
            new Flatten(FlattenConfig.builder().dataFormat("channels_first").build()),
            spec(TInt64.class, 3, 4)));
    // Keras parity: a rank-1 input gets a feature axis of 1; an unknown sample dimension makes
    // the flat size unknown.
    assertEquals(
        "(None, 1)", outShape(new Flatten(FlattenConfig.defaults()), spec(TFloat32.class)));
    assertEquals(
        "(None, None)",
        outShape(
            new Flatten(FlattenConfig.defaults()), spec(TFloat32.class, Shape.UNKNOWN_SIZE, 3)));
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Flatten(FlattenConfig.defaults()));
    assertConfigRoundTrip(
        new Flatten(FlattenConfig.builder().dataFormat("Channels_First").build()));
    assertEquals(
        "channels_first",
        FlattenConfig.builder().dataFormat("Channels_First").build().dataFormat());
    assertEquals("channels_last", FlattenConfig.builder().dataFormat(null).build().dataFormat());
    assertThrows(
        IllegalArgumentException.class,
        () -> FlattenConfig.builder().dataFormat("channels_middle").build());
    ReshapingChecks.assertReadsAndWritesKerasConfigs("Flatten");
  }

  @Test
  void channelsLastKeepsRowMajorOrder() {
    try (TFloat32 x = randomFloats(3, 2, 3, 4, 2);
        Result y = predict(new Flatten(FlattenConfig.defaults()), x)) {
      assertEquals(Shape.of(2, 24), y.get(0).shape());
      assertArrayEquals(floats(x), floats(y.get(0)));
    }
  }

  @Test
  void channelsFirstEqualsMovingChannelsLastThenFlattening() {
    Flatten first = new Flatten(FlattenConfig.builder().dataFormat("channels_first").build());
    try (TFloat32 x = randomFloats(4, 2, 5, 3, 4);
        Result y = predict(first, x);
        Result moved = predict(new Permute(PermuteConfig.of(2, 3, 1)), x);
        Result expected = predict(new Flatten(FlattenConfig.defaults()), moved.get(0))) {
      assertArrayEquals(floats(expected.get(0)), floats(y.get(0)));
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(
        new Flatten(FlattenConfig.builder().dataFormat("channels_first").build()),
        spec(TFloat32.class, 3, 4, 2));
  }

  @Test
  void javadocExample() {
    Flatten flatten = new Flatten(FlattenConfig.defaults());
    KerasTensor y = flatten.apply(Input.of(3, 4, 2)); // (None, 24)
    assertEquals("(None, 24)", Shapes.toKeras(y.shape()));
  }

  @Test
  void missingKeysGetKerasDefaults() throws Exception {
    assertEquals(FlattenConfig.defaults(), KerasJson.mapper().readValue("{}", FlattenConfig.class));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(new Flatten(FlattenConfig.defaults(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4)) {
      assertTrainingStepLowersLoss(new Flatten(FlattenConfig.defaults()), x);
    }
  }
}

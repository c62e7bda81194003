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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Input;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class ReshapeTest {

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 3, 8)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Reshape(ReshapeConfig.of(3, 8)), spec(TFloat32.class, 24))
                .get(0)
                .shape()));
    // The -1 is resolved from the static sample shape, as Keras resolves it.
    assertEquals(
        "(None, 6, 2)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Reshape(ReshapeConfig.of(-1, 2)), spec(TFloat32.class, 3, 4))
                .get(0)
                .shape()));
    assertOutputSpecMatchesGraph(
        new Reshape(ReshapeConfig.of(4, -1)), new TensorSpec(Shape.of(5, 2, 6), TFloat32.class));
    // Unknown sample dimensions leave the -1 unknown.
    assertEquals(
        "(None, None, 2)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Reshape(ReshapeConfig.of(-1, 2)), spec(TInt32.class, Shape.UNKNOWN_SIZE, 4))
                .get(0)
                .shape()));
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Reshape(ReshapeConfig.of(4, -1)));
    ReshapingChecks.assertReadsAndWritesKerasConfigs("Reshape");
  }

  @Test
  void flattenThenReshapeGivesTheInputBack() {
    Flatten flatten = new Flatten(FlattenConfig.defaults());
    Reshape back = new Reshape(ReshapeConfig.of(3, 4, 2));
    try (TFloat32 x = randomFloats(1, 5, 3, 4, 2);
        Result flat = predict(flatten, x);
        Result y = predict(back, flat.get(0))) {
      assertEquals(Shape.of(5, 3, 4, 2), y.get(0).shape());
      assertArrayEquals(floats(x), floats(y.get(0)));
    }
  }

  @Test
  void inferredDimensionEqualsExplicitOne() {
    try (TFloat32 x = randomFloats(2, 2, 12);
        Result inferred = predict(new Reshape(ReshapeConfig.of(-1, 3)), x);
        Result explicit = predict(new Reshape(ReshapeConfig.of(4, 3)), x)) {
      assertEquals(Shape.of(2, 4, 3), inferred.get(0).shape());
      assertArrayEquals(floats(explicit.get(0)), floats(inferred.get(0)));
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(
        new Reshape(ReshapeConfig.of(-1, 2)), spec(TFloat32.class, 3, 4));
  }

  @Test
  void rejectsWhatKerasRejects() {
    assertThrows(IllegalArgumentException.class, () -> ReshapeConfig.of(-1, -1));
    assertThrows(IllegalArgumentException.class, () -> ReshapeConfig.of(2, -2));
    Reshape reshape = new Reshape(ReshapeConfig.of(5, -1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> reshape.computeOutputShape(Shape.of(Shape.UNKNOWN_SIZE, 12)));
    assertTrue(e.getMessage().contains("target_shape=[5, -1]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Reshape(ReshapeConfig.of(5, 2))
                .computeOutputShape(Shape.of(Shape.UNKNOWN_SIZE, 12)));
    assertEquals(List.of(4, -1), ReshapeConfig.of(4, -1).targetShape());
  }

  @Test
  void javadocExample() {
    Reshape reshape = new Reshape(ReshapeConfig.of(-1, 2));
    KerasTensor y = reshape.apply(Input.of(3, 4)); // (None, 6, 2)
    assertEquals("(None, 6, 2)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(new Reshape(ReshapeConfig.of(4, -1), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4)) {
      assertTrainingStepLowersLoss(new Reshape(ReshapeConfig.of(4, -1)), x);
    }
  }
}

package io.keras4j.layers.reshaping;

import static io.keras4j.layers.reshaping.ReshapingChecks.floats;
import static io.keras4j.layers.reshaping.ReshapingChecks.offset;
import static io.keras4j.layers.reshaping.ReshapingChecks.randomFloats;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.predict;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Input;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class RepeatVectorTest {

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 3, 4)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new RepeatVector(RepeatVectorConfig.of(3)), spec(TFloat32.class, 4))
                .get(0)
                .shape()));
    TensorSpec ints =
        assertOutputSpecMatchesGraph(
                new RepeatVector(RepeatVectorConfig.of(2)),
                new TensorSpec(Shape.of(5, Shape.UNKNOWN_SIZE), TInt32.class))
            .get(0);
    assertEquals("(5, 2, None)", Shapes.toKeras(ints.shape()));
    assertEquals(TInt32.class, ints.dtype());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new RepeatVector(RepeatVectorConfig.of(7)));
    ReshapingChecks.assertReadsAndWritesKerasConfigs("RepeatVector");
  }

  @Test
  void everyRowIsTheInput() {
    try (TFloat32 x = randomFloats(7, 2, 4);
        Result y = predict(new RepeatVector(RepeatVectorConfig.of(3)), x)) {
      Shape out = y.get(0).shape();
      assertEquals(Shape.of(2, 3, 4), out);
      float[] in = floats(x);
      float[] got = floats(y.get(0));
      for (int b = 0; b < 2; b++) {
        for (int r = 0; r < 3; r++) {
          for (int f = 0; f < 4; f++) {
            assertEquals(in[offset(x.shape(), b, f)], got[offset(out, b, r, f)]);
          }
        }
      }
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(
        new RepeatVector(RepeatVectorConfig.of(3)), spec(TFloat32.class, 4));
  }

  @Test
  void rejectsWhatKerasRejects() {
    assertThrows(IllegalArgumentException.class, () -> RepeatVectorConfig.of(0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RepeatVector(RepeatVectorConfig.of(2))
                .computeOutputShape(Shape.of(Shape.UNKNOWN_SIZE, 2, 3)));
  }

  @Test
  void javadocExample() {
    RepeatVector repeat = new RepeatVector(RepeatVectorConfig.of(3));
    KerasTensor y = repeat.apply(Input.of(4)); // (None, 3, 4)
    assertEquals("(None, 3, 4)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4)) {
      assertGradientsMatchFiniteDifferences(new RepeatVector(RepeatVectorConfig.of(3), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4)) {
      assertTrainingStepLowersLoss(new RepeatVector(RepeatVectorConfig.of(3)), x);
    }
  }
}

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
import io.keras4j.serialization.KerasJson;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class UpSampling1DTest {

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 12, 2)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new UpSampling1D(UpSampling1DConfig.of(3)), spec(TFloat32.class, 4, 2))
                .get(0)
                .shape()));
    TensorSpec ints =
        assertOutputSpecMatchesGraph(
                new UpSampling1D(UpSampling1DConfig.defaults()),
                new TensorSpec(Shape.of(3, Shape.UNKNOWN_SIZE, 5), TInt32.class))
            .get(0);
    assertEquals("(3, None, 5)", Shapes.toKeras(ints.shape()));
    assertEquals(TInt32.class, ints.dtype());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new UpSampling1D(UpSampling1DConfig.of(4)));
    assertEquals(2, UpSampling1DConfig.defaults().size());
    ReshapingChecks.assertReadsAndWritesKerasConfigs("UpSampling1D");
  }

  @Test
  void repeatsEveryStep() {
    try (TFloat32 x = randomFloats(20, 2, 4, 2);
        Result y = predict(new UpSampling1D(UpSampling1DConfig.of(3)), x)) {
      Shape out = y.get(0).shape();
      assertEquals(Shape.of(2, 12, 2), out);
      float[] in = floats(x);
      float[] got = floats(y.get(0));
      for (int b = 0; b < 2; b++) {
        for (int t = 0; t < 12; t++) {
          for (int f = 0; f < 2; f++) {
            assertEquals(in[offset(x.shape(), b, t / 3, f)], got[offset(out, b, t, f)]);
          }
        }
      }
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(
        new UpSampling1D(UpSampling1DConfig.of(3)), spec(TFloat32.class, 4, 2));
  }

  @Test
  void rejectsWhatKerasRejects() {
    assertThrows(IllegalArgumentException.class, () -> UpSampling1DConfig.of(0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new UpSampling1D(UpSampling1DConfig.of(2))
                .computeOutputShape(Shape.of(Shape.UNKNOWN_SIZE, 4)));
  }

  @Test
  void javadocExample() {
    UpSampling1D up = new UpSampling1D(UpSampling1DConfig.of(3));
    KerasTensor y = up.apply(Input.of(4, 2)); // (None, 12, 2)
    assertEquals("(None, 12, 2)", Shapes.toKeras(y.shape()));
  }

  @Test
  void missingKeysGetKerasDefaults() throws Exception {
    assertEquals(
        UpSampling1DConfig.defaults(),
        KerasJson.mapper().readValue("{}", UpSampling1DConfig.class));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3)) {
      assertGradientsMatchFiniteDifferences(new UpSampling1D(UpSampling1DConfig.of(3), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 3)) {
      assertTrainingStepLowersLoss(new UpSampling1D(UpSampling1DConfig.of(3)), x);
    }
  }
}

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
import io.keras4j.layers.core.Input;
import io.keras4j.serialization.KerasJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class ZeroPadding1DTest {

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 8, 3)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new ZeroPadding1D(ZeroPadding1DConfig.of(2, 1)), spec(TFloat32.class, 5, 3))
                .get(0)
                .shape()));
    ZeroPadding1D first =
        new ZeroPadding1D(
            ZeroPadding1DConfig.builder().padding(2).dataFormat("channels_first").build());
    assertEquals(
        "(None, 3, None)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(first, spec(TInt32.class, 3, Shape.UNKNOWN_SIZE))
                .get(0)
                .shape()));
  }

  @Test
  void configRoundTrip() throws Exception {
    assertConfigRoundTrip(new ZeroPadding1D(ZeroPadding1DConfig.of(0, 4)));
    assertEquals(List.of(1, 1), ZeroPadding1DConfig.defaults().padding());
    // A Keras 2 config has neither data_format nor a pair.
    ZeroPadding1DConfig keras2 =
        KerasJson.mapper().readValue("{\"padding\": 3}", ZeroPadding1DConfig.class);
    assertEquals(ZeroPadding1DConfig.of(3, 3), keras2);
    assertEquals("channels_last", keras2.dataFormat());
    ReshapingChecks.assertReadsAndWritesKerasConfigs("ZeroPadding1D");
  }

  @Test
  void addsZerosAroundTheUnchangedInput() {
    try (TFloat32 x = randomFloats(15, 2, 5, 3);
        Result y = predict(new ZeroPadding1D(ZeroPadding1DConfig.of(2, 1)), x)) {
      Shape out = y.get(0).shape();
      assertEquals(Shape.of(2, 8, 3), out);
      float[] in = floats(x);
      float[] got = floats(y.get(0));
      for (int b = 0; b < 2; b++) {
        for (int t = 0; t < 8; t++) {
          for (int f = 0; f < 3; f++) {
            float want = t < 2 || t >= 7 ? 0f : in[offset(x.shape(), b, t - 2, f)];
            assertEquals(want, got[offset(out, b, t, f)]);
          }
        }
      }
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(
        new ZeroPadding1D(ZeroPadding1DConfig.of(2, 1)), spec(TFloat32.class, 5, 3));
  }

  @Test
  void rejectsWhatKerasRejects() {
    assertThrows(IllegalArgumentException.class, () -> ZeroPadding1DConfig.of(-1, 1));
    ReshapingChecks.assertRejected("{\"padding\": [1, 2, 3]}", ZeroPadding1DConfig.class);
  }

  @Test
  void javadocExample() {
    ZeroPadding1D pad = new ZeroPadding1D(ZeroPadding1DConfig.of(2, 2));
    KerasTensor y = pad.apply(Input.of(5, 3)); // (None, 9, 3)
    assertEquals("(None, 9, 3)", Shapes.toKeras(y.shape()));
  }

  @Test
  void missingKeysGetKerasDefaults() throws Exception {
    assertEquals(
        ZeroPadding1DConfig.defaults(),
        KerasJson.mapper().readValue("{}", ZeroPadding1DConfig.class));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 5, 3)) {
      assertGradientsMatchFiniteDifferences(
          new ZeroPadding1D(ZeroPadding1DConfig.of(2, 1), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 5, 3)) {
      assertTrainingStepLowersLoss(new ZeroPadding1D(ZeroPadding1DConfig.of(2, 1)), x);
    }
  }
}

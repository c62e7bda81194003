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

class ZeroPadding3DTest {

  private static final ZeroPadding3DConfig LAST =
      ZeroPadding3DConfig.builder().padding(1, 0, 2).build();

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 4, 3, 8, 1)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(new ZeroPadding3D(LAST), spec(TFloat32.class, 2, 3, 4, 1))
                .get(0)
                .shape()));
    ZeroPadding3D first =
        new ZeroPadding3D(
            ZeroPadding3DConfig.builder().padding(1).dataFormat("channels_first").build());
    assertEquals(
        "(None, 1, None, 5, 6)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(first, spec(TFloat32.class, 1, Shape.UNKNOWN_SIZE, 3, 4))
                .get(0)
                .shape()));
  }

  @Test
  void configRoundTrip() throws Exception {
    assertConfigRoundTrip(new ZeroPadding3D(LAST));
    assertEquals(
        List.of(List.of(1, 1), List.of(1, 1), List.of(1, 1)),
        ZeroPadding3DConfig.defaults().padding());
    assertEquals(
        List.of(List.of(0, 1), List.of(2, 2), List.of(3, 0)),
        KerasJson.mapper()
            .readValue("{\"padding\": [[0, 1], 2, [3, 0]]}", ZeroPadding3DConfig.class)
            .padding());
  }

  @Test
  void addsZerosAroundTheUnchangedInput() {
    try (TFloat32 x = randomFloats(18, 2, 2, 3, 4, 1);
        Result y = predict(new ZeroPadding3D(LAST), x)) {
      Shape out = y.get(0).shape();
      assertEquals(Shape.of(2, 4, 3, 8, 1), out);
      float[] in = floats(x);
      float[] got = floats(y.get(0));
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 4; i++) {
          for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 8; k++) {
              boolean inside = i >= 1 && i < 3 && k >= 2 && k < 6;
              float want = inside ? in[offset(x.shape(), b, i - 1, j, k - 2, 0)] : 0f;
              assertEquals(want, got[offset(out, b, i, j, k, 0)]);
            }
          }
        }
      }
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(new ZeroPadding3D(LAST), spec(TFloat32.class, 2, 3, 4, 1));
  }

  @Test
  void rejectsWhatKerasRejects() {
    ReshapingChecks.assertRejected("{\"padding\": [1, 2]}", ZeroPadding3DConfig.class);
  }

  @Test
  void javadocExample() {
    ZeroPadding3D pad = new ZeroPadding3D(ZeroPadding3DConfig.builder().padding(1, 0, 2).build());
    KerasTensor y = pad.apply(Input.of(2, 3, 4, 1)); // (None, 4, 3, 8, 1)
    assertEquals("(None, 4, 3, 8, 1)", Shapes.toKeras(y.shape()));
  }

  @Test
  void missingKeysGetKerasDefaults() throws Exception {
    assertEquals(
        ZeroPadding3DConfig.defaults(),
        KerasJson.mapper().readValue("{}", ZeroPadding3DConfig.class));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 2, 3, 2, 2)) {
      assertGradientsMatchFiniteDifferences(
          new ZeroPadding3D(ZeroPadding3DConfig.builder().padding(1, 0, 2).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 2, 3, 2, 2)) {
      assertTrainingStepLowersLoss(
          new ZeroPadding3D(ZeroPadding3DConfig.builder().padding(1, 0, 2).build()), x);
    }
  }
}

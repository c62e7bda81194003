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

class UpSampling3DTest {

  private static final UpSampling3DConfig LAST = UpSampling3DConfig.builder().size(1, 2, 3).build();
  private static final UpSampling3DConfig FIRST =
      UpSampling3DConfig.builder().size(1, 2, 3).dataFormat("channels_first").build();

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 2, 4, 6, 1)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(new UpSampling3D(LAST), spec(TFloat32.class, 2, 2, 2, 1))
                .get(0)
                .shape()));
    assertEquals(
        "(None, 3, None, 4, 6)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new UpSampling3D(FIRST), spec(TFloat32.class, 3, Shape.UNKNOWN_SIZE, 2, 2))
                .get(0)
                .shape()));
  }

  @Test
  void configRoundTrip() throws Exception {
    assertConfigRoundTrip(new UpSampling3D(FIRST));
    assertEquals(List.of(2, 2, 2), UpSampling3DConfig.defaults().size());
    assertEquals(
        List.of(4, 4, 4),
        KerasJson.mapper().readValue("{\"size\": 4}", UpSampling3DConfig.class).size());
    ReshapingChecks.assertRejected("{\"size\": [1, 2]}", UpSampling3DConfig.class);
  }

  @Test
  void repeatsEveryEntryAlongEachAxis() {
    try (TFloat32 x = randomFloats(25, 2, 3, 2, 3, 2);
        Result y = predict(new UpSampling3D(FIRST), x)) {
      Shape out = y.get(0).shape();
      assertEquals(Shape.of(2, 3, 2, 6, 6), out);
      float[] in = floats(x);
      float[] got = floats(y.get(0));
      for (int b = 0; b < 2; b++) {
        for (int c = 0; c < 3; c++) {
          for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 6; j++) {
              for (int k = 0; k < 6; k++) {
                assertEquals(
                    in[offset(x.shape(), b, c, i, j / 2, k / 3)], got[offset(out, b, c, i, j, k)]);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(new UpSampling3D(LAST), spec(TFloat32.class, 2, 2, 2, 1));
  }

  @Test
  void javadocExample() {
    UpSampling3D up = new UpSampling3D(UpSampling3DConfig.builder().size(1, 2, 3).build());
    KerasTensor y = up.apply(Input.of(2, 2, 2, 1)); // (None, 2, 4, 6, 1)
    assertEquals("(None, 2, 4, 6, 1)", Shapes.toKeras(y.shape()));
  }

  @Test
  void missingKeysGetKerasDefaults() throws Exception {
    assertEquals(
        UpSampling3DConfig.defaults(),
        KerasJson.mapper().readValue("{}", UpSampling3DConfig.class));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 2, 3, 2, 2)) {
      assertGradientsMatchFiniteDifferences(
          new UpSampling3D(UpSampling3DConfig.builder().size(1, 2, 3).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 2, 3, 2, 2)) {
      assertTrainingStepLowersLoss(
          new UpSampling3D(UpSampling3DConfig.builder().size(1, 2, 3).build()), x);
    }
  }
}

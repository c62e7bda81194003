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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class Cropping3DTest {

  private static final List<List<Integer>> PAIRS =
      List.of(List.of(1, 0), List.of(0, 2), List.of(1, 1));
  private static final Cropping3DConfig LAST = Cropping3DConfig.builder().cropping(PAIRS).build();

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 3, 3, 4, 2)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(new Cropping3D(LAST), spec(TFloat32.class, 4, 5, 6, 2))
                .get(0)
                .shape()));
    Cropping3D first =
        new Cropping3D(
            Cropping3DConfig.builder().cropping(PAIRS).dataFormat("channels_first").build());
    assertEquals(
        "(None, 2, 3, None, 4)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(first, spec(TFloat32.class, 2, 4, Shape.UNKNOWN_SIZE, 6))
                .get(0)
                .shape()));
  }

  @Test
  void configRoundTrip() throws Exception {
    assertConfigRoundTrip(new Cropping3D(LAST));
    assertEquals(
        List.of(List.of(1, 1), List.of(1, 1), List.of(1, 1)),
        Cropping3DConfig.defaults().cropping());
    assertEquals(
        List.of(List.of(1, 1), List.of(0, 0), List.of(2, 2)),
        KerasJson.mapper()
            .readValue("{\"cropping\": [1, 0, 2]}", Cropping3DConfig.class)
            .cropping());
  }

  @Test
  void keepsExactlyTheInnerBlock() {
    try (TFloat32 x = randomFloats(13, 2, 4, 5, 6, 2);
        Result y = predict(new Cropping3D(LAST), x)) {
      Shape out = y.get(0).shape();
      assertEquals(Shape.of(2, 3, 3, 4, 2), out);
      float[] in = floats(x);
      float[] got = floats(y.get(0));
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 4; k++) {
              for (int c = 0; c < 2; c++) {
                assertEquals(
                    in[offset(x.shape(), b, i + 1, j, k + 1, c)], got[offset(out, b, i, j, k, c)]);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void undoesZeroPadding() {
    ZeroPadding3DConfig pad = ZeroPadding3DConfig.builder().padding(PAIRS).build();
    try (TFloat32 x = randomFloats(14, 2, 2, 3, 2, 1);
        Result padded = predict(new ZeroPadding3D(pad), x);
        Result y = predict(new Cropping3D(LAST), padded.get(0))) {
      assertArrayEquals(floats(x), floats(y.get(0)));
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(new Cropping3D(LAST), spec(TFloat32.class, 4, 5, 6, 2));
  }

  @Test
  void rejectsWhatKerasRejects() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Cropping3DConfig.builder().cropping(List.of(List.of(1, 1), List.of(1, 1))).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Cropping3D(LAST).computeOutputShape(Shape.of(Shape.UNKNOWN_SIZE, 1, 5, 6, 2)));
  }

  @Test
  void javadocExample() {
    Cropping3D crop = new Cropping3D(Cropping3DConfig.builder().cropping(1, 0, 2).build());
    KerasTensor y = crop.apply(Input.of(4, 5, 6, 2)); // (None, 2, 5, 2, 2)
    assertEquals("(None, 2, 5, 2, 2)", Shapes.toKeras(y.shape()));
  }

  @Test
  void missingKeysGetKerasDefaults() throws Exception {
    assertEquals(
        Cropping3DConfig.defaults(), KerasJson.mapper().readValue("{}", Cropping3DConfig.class));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3, 6, 2)) {
      assertGradientsMatchFiniteDifferences(
          new Cropping3D(Cropping3DConfig.builder().cropping(1, 0, 2).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 3, 6, 2)) {
      assertTrainingStepLowersLoss(
          new Cropping3D(Cropping3DConfig.builder().cropping(1, 0, 2).build()), x);
    }
  }
}

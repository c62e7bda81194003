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

class Cropping2DTest {

  private static final Cropping2DConfig LAST =
      Cropping2DConfig.builder().cropping(1, 0, 2, 1).build();
  private static final Cropping2DConfig FIRST =
      Cropping2DConfig.builder().cropping(1, 0, 2, 1).dataFormat("channels_first").build();

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 5, 4, 2)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(new Cropping2D(LAST), spec(TFloat32.class, 6, 7, 2))
                .get(0)
                .shape()));
    assertEquals(
        "(None, 2, 5, None)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Cropping2D(FIRST), spec(TFloat32.class, 2, 6, Shape.UNKNOWN_SIZE))
                .get(0)
                .shape()));
  }

  @Test
  void configRoundTrip() throws Exception {
    assertConfigRoundTrip(new Cropping2D(FIRST));
    assertEquals(List.of(List.of(0, 0), List.of(0, 0)), Cropping2DConfig.defaults().cropping());
    // Keras parity: every form Keras accepts is normalized to the pairs Keras writes.
    assertEquals(List.of(List.of(2, 2), List.of(2, 2)), read("{\"cropping\": 2}").cropping());
    assertEquals(List.of(List.of(1, 1), List.of(3, 3)), read("{\"cropping\": [1, 3]}").cropping());
    assertEquals(
        List.of(List.of(1, 0), List.of(2, 1)), read("{\"cropping\": [[1, 0], [2, 1]]}").cropping());
    assertEquals(List.of(List.of(1, 0), List.of(2, 1)), LAST.cropping());
    ReshapingChecks.assertReadsAndWritesKerasConfigs("Cropping2D");
  }

  private static Cropping2DConfig read(String json) throws Exception {
    return KerasJson.mapper().readValue(json, Cropping2DConfig.class);
  }

  @Test
  void keepsExactlyTheInnerBlock() {
    try (TFloat32 x = randomFloats(10, 2, 6, 7, 2);
        Result y = predict(new Cropping2D(LAST), x)) {
      Shape out = y.get(0).shape();
      assertEquals(Shape.of(2, 5, 4, 2), out);
      float[] in = floats(x);
      float[] got = floats(y.get(0));
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 5; i++) {
          for (int j = 0; j < 4; j++) {
            for (int c = 0; c < 2; c++) {
              assertEquals(in[offset(x.shape(), b, i + 1, j + 2, c)], got[offset(out, b, i, j, c)]);
            }
          }
        }
      }
    }
  }

  @Test
  void channelsFirstCropsTheSameBlockAsChannelsLast() {
    try (TFloat32 x = randomFloats(11, 2, 3, 6, 7);
        Result y = predict(new Cropping2D(FIRST), x);
        Result moved = predict(new Permute(PermuteConfig.of(2, 3, 1)), x);
        Result cropped = predict(new Cropping2D(LAST), moved.get(0));
        Result expected = predict(new Permute(PermuteConfig.of(3, 1, 2)), cropped.get(0))) {
      assertEquals(Shape.of(2, 3, 5, 4), y.get(0).shape());
      assertArrayEquals(floats(expected.get(0)), floats(y.get(0)));
    }
  }

  @Test
  void undoesZeroPadding() {
    ZeroPadding2DConfig pad = ZeroPadding2DConfig.builder().padding(1, 0, 2, 1).build();
    try (TFloat32 x = randomFloats(12, 2, 3, 4, 2);
        Result padded = predict(new ZeroPadding2D(pad), x);
        Result y = predict(new Cropping2D(LAST), padded.get(0))) {
      assertArrayEquals(floats(x), floats(y.get(0)));
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(new Cropping2D(LAST), spec(TFloat32.class, 6, 7, 2));
  }

  @Test
  void rejectsWhatKerasRejects() {
    ReshapingChecks.assertRejected("{\"cropping\": [1, 2, 3]}", Cropping2DConfig.class);
    ReshapingChecks.assertRejected("{\"cropping\": [[1, 2], [3]]}", Cropping2DConfig.class);
    assertThrows(
        IllegalArgumentException.class, () -> Cropping2DConfig.builder().cropping(-1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Cropping2D(LAST).computeOutputShape(Shape.of(Shape.UNKNOWN_SIZE, 1, 7, 2)));
  }

  @Test
  void javadocExample() {
    Cropping2D crop = new Cropping2D(Cropping2DConfig.builder().cropping(1, 0, 2, 1).build());
    KerasTensor y = crop.apply(Input.of(6, 7, 2)); // (None, 5, 4, 2)
    assertEquals("(None, 5, 4, 2)", Shapes.toKeras(y.shape()));
  }

  @Test
  void missingKeysGetKerasDefaults() throws Exception {
    assertEquals(
        Cropping2DConfig.defaults(), KerasJson.mapper().readValue("{}", Cropping2DConfig.class));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 5, 3)) {
      assertGradientsMatchFiniteDifferences(
          new Cropping2D(Cropping2DConfig.builder().cropping(1, 0, 2, 1).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 5, 3)) {
      assertTrainingStepLowersLoss(
          new Cropping2D(Cropping2DConfig.builder().cropping(1, 0, 2, 1).build()), x);
    }
  }
}

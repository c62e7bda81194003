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

class ZeroPadding2DTest {

  private static final ZeroPadding2DConfig LAST =
      ZeroPadding2DConfig.builder().padding(1, 2, 0, 1).build();
  private static final ZeroPadding2DConfig FIRST =
      ZeroPadding2DConfig.builder().padding(1, 2, 0, 1).dataFormat("channels_first").build();

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 7, 5, 2)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(new ZeroPadding2D(LAST), spec(TFloat32.class, 4, 4, 2))
                .get(0)
                .shape()));
    assertEquals(
        "(None, 2, None, 5)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new ZeroPadding2D(FIRST), spec(TFloat32.class, 2, Shape.UNKNOWN_SIZE, 4))
                .get(0)
                .shape()));
  }

  @Test
  void configRoundTrip() throws Exception {
    assertConfigRoundTrip(new ZeroPadding2D(FIRST));
    assertEquals(List.of(List.of(1, 1), List.of(1, 1)), ZeroPadding2DConfig.defaults().padding());
    // Keras parity: 1, (1, 2) and ((1, 2), (3, 4)) are all accepted; Keras writes the pairs.
    assertEquals(List.of(List.of(1, 1), List.of(1, 1)), read("{\"padding\": 1}").padding());
    assertEquals(List.of(List.of(1, 1), List.of(2, 2)), read("{\"padding\": [1, 2]}").padding());
    assertEquals(
        List.of(List.of(1, 2), List.of(3, 4)), read("{\"padding\": [[1, 2], [3, 4]]}").padding());
    ReshapingChecks.assertReadsAndWritesKerasConfigs("ZeroPadding2D");
  }

  private static ZeroPadding2DConfig read(String json) throws Exception {
    return KerasJson.mapper().readValue(json, ZeroPadding2DConfig.class);
  }

  @Test
  void addsZerosAroundTheUnchangedInput() {
    try (TFloat32 x = randomFloats(16, 2, 4, 4, 2);
        Result y = predict(new ZeroPadding2D(LAST), x)) {
      Shape out = y.get(0).shape();
      assertEquals(Shape.of(2, 7, 5, 2), out);
      float[] in = floats(x);
      float[] got = floats(y.get(0));
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 7; i++) {
          for (int j = 0; j < 5; j++) {
            for (int c = 0; c < 2; c++) {
              boolean inside = i >= 1 && i < 5 && j < 4;
              float want = inside ? in[offset(x.shape(), b, i - 1, j, c)] : 0f;
              assertEquals(want, got[offset(out, b, i, j, c)]);
            }
          }
        }
      }
    }
  }

  @Test
  void channelsFirstPadsLikeChannelsLast() {
    try (TFloat32 x = randomFloats(17, 2, 3, 4, 4);
        Result y = predict(new ZeroPadding2D(FIRST), x);
        Result moved = predict(new Permute(PermuteConfig.of(2, 3, 1)), x);
        Result padded = predict(new ZeroPadding2D(LAST), moved.get(0));
        Result expected = predict(new Permute(PermuteConfig.of(3, 1, 2)), padded.get(0))) {
      assertArrayEquals(floats(expected.get(0)), floats(y.get(0)));
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(new ZeroPadding2D(LAST), spec(TFloat32.class, 4, 4, 2));
  }

  @Test
  void rejectsWhatKerasRejects() {
    ReshapingChecks.assertRejected("{\"padding\": [1, 2, 3]}", ZeroPadding2DConfig.class);
    ReshapingChecks.assertRejected("{\"padding\": [[1, -2], [3, 4]]}", ZeroPadding2DConfig.class);
    assertThrows(
        IllegalArgumentException.class,
        () -> new ZeroPadding2D(LAST).computeOutputShape(Shape.of(Shape.UNKNOWN_SIZE, 4, 2)));
  }

  @Test
  void javadocExample() {
    ZeroPadding2D pad =
        new ZeroPadding2D(ZeroPadding2DConfig.builder().padding(1, 2, 0, 1).build());
    KerasTensor y = pad.apply(Input.of(4, 4, 2)); // (None, 7, 5, 2)
    assertEquals("(None, 7, 5, 2)", Shapes.toKeras(y.shape()));
  }

  @Test
  void missingKeysGetKerasDefaults() throws Exception {
    assertEquals(
        ZeroPadding2DConfig.defaults(),
        KerasJson.mapper().readValue("{}", ZeroPadding2DConfig.class));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4, 2)) {
      assertGradientsMatchFiniteDifferences(
          new ZeroPadding2D(ZeroPadding2DConfig.builder().padding(1, 2, 0, 1).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4, 2)) {
      assertTrainingStepLowersLoss(
          new ZeroPadding2D(ZeroPadding2DConfig.builder().padding(1, 2, 0, 1).build()), x);
    }
  }
}

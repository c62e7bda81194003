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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Input;
import io.keras4j.serialization.KerasJson;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class UpSampling2DTest {

  private static final UpSampling2DConfig NEAREST = UpSampling2DConfig.builder().size(2, 3).build();
  private static final UpSampling2DConfig BILINEAR =
      UpSampling2DConfig.builder().size(2, 3).interpolation("bilinear").build();

  private static UpSampling2DConfig channelsFirst(UpSampling2DConfig c) {
    return UpSampling2DConfig.builder()
        .size(c.size().get(0), c.size().get(1))
        .interpolation(c.interpolation())
        .dataFormat("channels_first")
        .build();
  }

  private static String outShape(UpSampling2DConfig config, TensorSpec in) {
    return Shapes.toKeras(
        assertOutputSpecMatchesGraph(new UpSampling2D(config), in).get(0).shape());
  }

  @Test
  void outputSpecMatchesGraph() {
    assertEquals("(None, 6, 9, 2)", outShape(NEAREST, spec(TFloat32.class, 3, 3, 2)));
    assertEquals("(None, 6, 9, 2)", outShape(BILINEAR, spec(TFloat32.class, 3, 3, 2)));
    assertEquals(
        "(None, 2, 6, 9)", outShape(channelsFirst(BILINEAR), spec(TFloat32.class, 2, 3, 3)));
    // A spatial size known only at run time: the known one is kept in the static shape.
    assertEquals(
        "(None, None, 15, 2)", outShape(BILINEAR, spec(TFloat32.class, Shape.UNKNOWN_SIZE, 5, 2)));
    assertEquals(
        "(None, None, 15, 2)", outShape(NEAREST, spec(TFloat32.class, Shape.UNKNOWN_SIZE, 5, 2)));
  }

  @Test
  void bilinearOutputDtypes() {
    // TensorFlow's resize computes in float32; float64 input gets float64 back, integer input
    // float32, as Keras' TensorFlow backend returns it.
    TensorSpec f64 =
        assertOutputSpecMatchesGraph(
                new UpSampling2D(
                    BILINEAR, LayerArgs.defaults().withDtype(DTypePolicy.of("float64"))),
                spec(TFloat64.class, 3, 3, 2))
            .get(0);
    assertEquals(TFloat64.class, f64.dtype());
    TensorSpec ints =
        assertOutputSpecMatchesGraph(new UpSampling2D(BILINEAR), spec(TInt32.class, 3, 3, 2))
            .get(0);
    assertEquals(TFloat32.class, ints.dtype());
    assertEquals(
        TInt32.class,
        assertOutputSpecMatchesGraph(new UpSampling2D(NEAREST), spec(TInt32.class, 3, 3, 2))
            .get(0)
            .dtype());
  }

  @Test
  void configRoundTrip() throws Exception {
    assertConfigRoundTrip(new UpSampling2D(channelsFirst(BILINEAR)));
    UpSampling2DConfig defaults = UpSampling2DConfig.defaults();
    assertEquals(List.of(2, 2), defaults.size());
    assertEquals("nearest", defaults.interpolation());
    assertEquals("channels_last", defaults.dataFormat());
    assertEquals(
        List.of(3, 3),
        KerasJson.mapper().readValue("{\"size\": 3}", UpSampling2DConfig.class).size());
    assertEquals(
        "bilinear", UpSampling2DConfig.builder().interpolation("BILINEAR").build().interpolation());
    ReshapingChecks.assertReadsAndWritesKerasConfigs("UpSampling2D");
  }

  @Test
  void nearestRepeatsEveryPixel() {
    try (TFloat32 x = randomFloats(21, 2, 3, 3, 2);
        Result y = predict(new UpSampling2D(NEAREST), x)) {
      Shape out = y.get(0).shape();
      assertEquals(Shape.of(2, 6, 9, 2), out);
      float[] in = floats(x);
      float[] got = floats(y.get(0));
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 6; i++) {
          for (int j = 0; j < 9; j++) {
            for (int c = 0; c < 2; c++) {
              assertEquals(in[offset(x.shape(), b, i / 2, j / 3, c)], got[offset(out, b, i, j, c)]);
            }
          }
        }
      }
    }
  }

  @Test
  void channelsFirstEqualsChannelsLastOnMovedAxes() {
    for (UpSampling2DConfig last : List.of(NEAREST, BILINEAR)) {
      try (TFloat32 x = randomFloats(22, 2, 3, 4, 5);
          Result y = predict(new UpSampling2D(channelsFirst(last)), x);
          Result moved = predict(new Permute(PermuteConfig.of(2, 3, 1)), x);
          Result up = predict(new UpSampling2D(last), moved.get(0));
          Result expected = predict(new Permute(PermuteConfig.of(3, 1, 2)), up.get(0))) {
        assertArrayEquals(floats(expected.get(0)), floats(y.get(0)), last.interpolation());
      }
    }
  }

  @Test
  void bilinearInterpolatesWithinTheInputRange() {
    try (TFloat32 x = randomFloats(23, 2, 3, 4, 2);
        Result y = predict(new UpSampling2D(BILINEAR), x)) {
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (float v : floats(x)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      for (float v : floats(y.get(0))) {
        assertTrue(v >= min - 1e-6f && v <= max + 1e-6f, v + " outside [" + min + ", " + max + "]");
      }
    }
  }

  @Test
  void bilinearKeepsAConstantImageConstant() {
    float[] sevens = new float[2 * 3 * 4 * 2];
    Arrays.fill(sevens, 7f);
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(2, 3, 4, 2), DataBuffers.of(sevens, true, false));
        Result y = predict(new UpSampling2D(BILINEAR), x)) {
      for (float v : floats(y.get(0))) assertEquals(7f, v, 1e-6f);
    }
  }

  @Test
  void bilinearWithFactorOneIsTheIdentity() {
    UpSampling2DConfig one = UpSampling2DConfig.builder().size(1).interpolation("bilinear").build();
    try (TFloat32 x = randomFloats(24, 2, 3, 4, 2);
        Result y = predict(new UpSampling2D(one), x)) {
      assertArrayEquals(floats(x), floats(y.get(0)), 1e-6f);
    }
  }

  @Test
  void differentiable() {
    ReshapingChecks.assertDifferentiable(new UpSampling2D(NEAREST), spec(TFloat32.class, 3, 3, 2));
    ReshapingChecks.assertDifferentiable(
        new UpSampling2D(channelsFirst(BILINEAR)), spec(TFloat32.class, 2, 3, 3));
  }

  @Test
  void rejectsWhatKerasRejectsAndWhatIsNotSupported() {
    assertThrows(
        IllegalArgumentException.class,
        () -> UpSampling2DConfig.builder().interpolation("cubic").build());
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> UpSampling2DConfig.builder().interpolation("bicubic").build());
    assertTrue(e.getMessage().contains("bicubic"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> UpSampling2DConfig.builder().size(0, 2).build());
  }

  @Test
  void javadocExample() {
    UpSampling2D up = new UpSampling2D(UpSampling2DConfig.builder().size(2, 3).build());
    KerasTensor y = up.apply(Input.of(3, 3, 2)); // (None, 6, 9, 2)
    assertEquals("(None, 6, 9, 2)", Shapes.toKeras(y.shape()));
  }

  @Test
  void missingKeysGetKerasDefaults() throws Exception {
    assertEquals(
        UpSampling2DConfig.defaults(),
        KerasJson.mapper().readValue("{}", UpSampling2DConfig.class));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 2, 2)) {
      assertGradientsMatchFiniteDifferences(
          new UpSampling2D(UpSampling2DConfig.builder().size(2, 3).build(), FLOAT64), x);
    }
    // TensorFlow's ResizeBilinear computes in float32 whatever its input type: float32's tolerance.
    try (TFloat32 x = gaussian(TFloat32.class, 1, 2, 3, 2, 2)) {
      assertGradientsMatchFiniteDifferences(
          new UpSampling2D(
              UpSampling2DConfig.builder().size(2, 3).interpolation("bilinear").build()),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 2, 2)) {
      assertTrainingStepLowersLoss(
          new UpSampling2D(UpSampling2DConfig.builder().size(2, 3).build()), x);
    }
  }
}

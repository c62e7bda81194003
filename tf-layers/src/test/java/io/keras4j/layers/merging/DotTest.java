package io.keras4j.layers.merging;

import static io.keras4j.layers.merging.MergingChecks.floats;
import static io.keras4j.layers.merging.MergingChecks.randomFloats;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Input;
import io.keras4j.layers.reshaping.Permute;
import io.keras4j.layers.reshaping.PermuteConfig;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class DotTest {

  private static String out(DotConfig config, TensorSpec... inputs) {
    return Shapes.toKeras(assertOutputSpecMatchesGraph(new Dot(config), inputs).get(0).shape());
  }

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 3, 5)",
        out(
            DotConfig.builder(2, 2).build(),
            spec(TFloat32.class, 3, 4),
            spec(TFloat32.class, 5, 4)));
    // Keras parity: two rank-2 inputs give (batch, 1).
    assertEquals(
        "(None, 1)",
        out(
            DotConfig.builder(1).normalize(true).build(),
            spec(TFloat32.class, 6),
            spec(TFloat32.class, 6)));
    assertEquals(
        "(None, 5)",
        out(DotConfig.builder(1).build(), spec(TFloat32.class, 4), spec(TFloat32.class, 4, 5)));
    assertEquals(
        "(None, 3, None)",
        out(
            DotConfig.builder(-1).build(),
            spec(TFloat32.class, 3, 4),
            spec(TFloat32.class, Shape.UNKNOWN_SIZE, 4)));
    assertEquals(
        "(2, 4, 5)",
        out(
            DotConfig.builder(1, 2).build(),
            new TensorSpec(Shape.of(2, 3, 4), TFloat32.class),
            new TensorSpec(Shape.of(2, 5, 3), TFloat32.class)));
  }

  @Test
  void configRoundTripWritesAxesInTheFormGiven() {
    assertConfigRoundTrip(new Dot(DotConfig.builder(1, 2).normalize(true).build()));
    assertConfigRoundTrip(new Dot(DotConfig.builder(-1).build()));
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    assertEquals(
        "1",
        serializer.serialize(new Dot(DotConfig.builder(1).build())).at("/config/axes").toString());
    assertEquals(
        "[1,2]",
        serializer
            .serialize(new Dot(DotConfig.builder(1, 2).build()))
            .at("/config/axes")
            .toString());
    MergingChecks.assertReadsAndWritesKerasConfigs("Dot");
  }

  @Test
  void normalizedDotIsACosineAndOneWithItself() {
    DotConfig cosine = DotConfig.builder(1).normalize(true).build();
    try (TFloat32 a = randomFloats(40, 8, 6);
        TFloat32 b = randomFloats(41, 8, 6);
        Result ab = predict(new Dot(cosine), a, b);
        Result aa = predict(new Dot(cosine), a, a)) {
      for (float v : floats(ab.get(0))) assertTrue(v >= -1f - 1e-6f && v <= 1f + 1e-6f, "" + v);
      for (float v : floats(aa.get(0))) assertEquals(1f, v, 1e-6f);
    }
  }

  @Test
  void dotOverFeaturesIsTheSumOfTheProducts() {
    try (TFloat32 a = randomFloats(42, 3, 6);
        TFloat32 b = randomFloats(43, 3, 6);
        Result dot = predict(new Dot(DotConfig.builder(1).build()), a, b);
        Result products = predict(new Multiply(), a, b)) {
      float[] p = floats(products.get(0));
      float[] got = floats(dot.get(0));
      for (int s = 0; s < 3; s++) {
        float sum = 0;
        for (int f = 0; f < 6; f++) sum += p[s * 6 + f];
        assertEquals(sum, got[s], 1e-5f);
      }
    }
  }

  @Test
  void swappingTheInputsTransposesTheResult() {
    try (TFloat32 x = randomFloats(44, 2, 3, 4);
        TFloat32 y = randomFloats(45, 2, 5, 3);
        Result xy = predict(new Dot(DotConfig.builder(1, 2).build()), x, y);
        Result yx = predict(new Dot(DotConfig.builder(2, 1).build()), y, x);
        Result transposed = predict(new Permute(PermuteConfig.of(2, 1)), yx.get(0))) {
      assertEquals(Shape.of(2, 4, 5), xy.get(0).shape());
      assertArrayEquals(floats(transposed.get(0)), floats(xy.get(0)), 1e-6f);
    }
  }

  @Test
  void outputHasNoMask() {
    try (TFloat32 a = randomFloats(46, 2, 3, 4);
        TFloat32 b = randomFloats(47, 2, 3, 4);
        TBool ma = MergingChecks.stripedMask(0, 2, 3);
        TBool mb = MergingChecks.stripedMask(1, 2, 3)) {
      MergingChecks.Run run =
          MergingChecks.run(
              new Dot(DotConfig.builder(2).build()), List.of(a, b), Arrays.asList(ma, mb));
      assertNull(run.mask());
    }
  }

  @Test
  void differentiable() {
    MergingChecks.assertDifferentiable(
        new Dot(DotConfig.builder(2, 1).normalize(true).build()),
        spec(TFloat32.class, 3, 4),
        spec(TFloat32.class, 4, 5));
  }

  @Test
  void rejectsWhatKerasRejects() throws Exception {
    MergingChecks.assertRejected("{\"axes\": [1, 2, 3]}", DotConfig.class);
    MergingChecks.assertRejected("{\"axes\": [1, \"a\"]}", DotConfig.class);
    MergingChecks.assertRejected("{}", DotConfig.class);
    Shape x = Shape.of(Shape.UNKNOWN_SIZE, 3, 4);
    Shape y = Shape.of(Shape.UNKNOWN_SIZE, 5, 4);
    assertThrows(
        IllegalArgumentException.class,
        () -> new Dot(DotConfig.builder(0).build()).computeOutputShape(List.of(x, y)));
    IllegalArgumentException sizes =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Dot(DotConfig.builder(1).build()).computeOutputShape(List.of(x, y)));
    assertTrue(sizes.getMessage().contains("axis values 3 (at axis 1) != 5"), sizes.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Dot(DotConfig.builder(2).build()).computeOutputShape(List.of(x, y, y)));
  }

  @Test
  void javadocExample() {
    KerasTensor a = Input.of(3, 4);
    KerasTensor b = Input.of(5, 4);
    KerasTensor y = new Dot(DotConfig.builder(2, 2).build()).apply(List.of(a, b)); // (None, 3, 5)
    assertEquals("(None, 3, 5)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 a = gaussian(TFloat64.class, 1, 2, 3, 4);
        TFloat64 b = gaussian(TFloat64.class, 2, 2, 5, 4)) {
      assertGradientsMatchFiniteDifferences(
          new Dot(DotConfig.builder(2, 2).build(), FLOAT64), a, b);
    }
    try (TFloat64 a = gaussian(TFloat64.class, 3, 3, 4);
        TFloat64 b = gaussian(TFloat64.class, 4, 3, 4)) {
      assertGradientsMatchFiniteDifferences(
          new Dot(DotConfig.builder(1).normalize(true).build(), FLOAT64), a, b);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 a = gaussian(TFloat32.class, 3, 2, 3, 4);
        TFloat32 b = gaussian(TFloat32.class, 4, 2, 5, 4)) {
      assertTrainingStepLowersLoss(new Dot(DotConfig.builder(2, 2).build()), a, b);
    }
  }
}

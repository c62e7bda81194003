package io.keras4j.layers.merging;

import static io.keras4j.layers.merging.MergingChecks.booleans;
import static io.keras4j.layers.merging.MergingChecks.floats;
import static io.keras4j.layers.merging.MergingChecks.offset;
import static io.keras4j.layers.merging.MergingChecks.randomFloats;
import static io.keras4j.layers.merging.MergingChecks.stripedMask;
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
import io.keras4j.layers.reshaping.Cropping1D;
import io.keras4j.layers.reshaping.Cropping1DConfig;
import io.keras4j.serialization.KerasJson;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class ConcatenateTest {

  private static String out(ConcatenateConfig config, TensorSpec... inputs) {
    return Shapes.toKeras(
        assertOutputSpecMatchesGraph(new Concatenate(config), inputs).get(0).shape());
  }

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 5, 4)",
        out(ConcatenateConfig.of(1), spec(TFloat32.class, 2, 4), spec(TFloat32.class, 3, 4)));
    assertEquals(
        "(None, 2, 7)",
        out(
            ConcatenateConfig.defaults(),
            spec(TFloat32.class, 2, 4),
            spec(TFloat32.class, 2, 3),
            spec(TFloat32.class, 2, 0)));
    assertEquals(
        "(None, None, 4)",
        out(
            ConcatenateConfig.of(-2),
            spec(TInt32.class, Shape.UNKNOWN_SIZE, 4),
            spec(TInt32.class, 3, 4)));
    // Keras concatenates along the batch axis too.
    assertEquals(
        "(6, 3)",
        out(
            ConcatenateConfig.of(0),
            new TensorSpec(Shape.of(2, 3), TFloat32.class),
            new TensorSpec(Shape.of(4, 3), TFloat32.class)));
    assertEquals(
        "(3, 2)",
        out(
            ConcatenateConfig.of(1),
            new TensorSpec(Shape.of(3, 1), TFloat32.class),
            new TensorSpec(Shape.of(3, 1), TFloat32.class)));
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Concatenate(ConcatenateConfig.of(-2)));
    assertEquals(-1, ConcatenateConfig.defaults().axis());
    MergingChecks.assertReadsAndWritesKerasConfigs("Concatenate");
  }

  @Test
  void croppingTheResultGivesTheInputsBack() {
    try (TFloat32 a = randomFloats(30, 2, 2, 4);
        TFloat32 b = randomFloats(31, 2, 3, 4);
        Result joined = predict(new Concatenate(ConcatenateConfig.of(1)), a, b);
        Result first = predict(new Cropping1D(Cropping1DConfig.of(0, 3)), joined.get(0));
        Result second = predict(new Cropping1D(Cropping1DConfig.of(2, 0)), joined.get(0))) {
      assertArrayEquals(floats(a), floats(first.get(0)));
      assertArrayEquals(floats(b), floats(second.get(0)));
    }
  }

  @Test
  void lastAxisPutsTheFeaturesSideBySide() {
    try (TFloat32 a = randomFloats(32, 2, 3);
        TFloat32 b = randomFloats(33, 2, 2);
        Result y = predict(new Concatenate(), a, b)) {
      Shape out = y.get(0).shape();
      float[] got = floats(y.get(0));
      for (int s = 0; s < 2; s++) {
        for (int f = 0; f < 5; f++) {
          float want =
              f < 3 ? floats(a)[offset(a.shape(), s, f)] : floats(b)[offset(b.shape(), s, f - 3)];
          assertEquals(want, got[offset(out, s, f)]);
        }
      }
    }
  }

  @Test
  void masksConcatenateAlongTimeWithMissingOnesAllTrue() {
    try (TFloat32 a = randomFloats(34, 2, 3, 4);
        TFloat32 b = randomFloats(35, 2, 2, 4);
        TBool ma = stripedMask(0, 2, 3)) {
      MergingChecks.Run run =
          MergingChecks.run(
              new Concatenate(ConcatenateConfig.of(1)), List.of(a, b), Arrays.asList(ma, null));
      assertEquals(Shape.of(2, 5), run.maskShape());
      boolean[] va = booleans(ma);
      for (int s = 0; s < 2; s++) {
        for (int t = 0; t < 5; t++) {
          boolean want = t < 3 ? va[s * 3 + t] : true;
          assertEquals(want, run.mask()[s * 5 + t], "sample " + s + " step " + t);
        }
      }
    }
  }

  @Test
  void masksOfFeatureConcatenationAreOred() {
    try (TFloat32 a = randomFloats(36, 2, 3, 4);
        TFloat32 b = randomFloats(37, 2, 3, 2);
        TBool ma = stripedMask(0, 2, 3);
        TBool mb = stripedMask(1, 2, 3)) {
      MergingChecks.Run run =
          MergingChecks.run(new Concatenate(), List.of(a, b), Arrays.asList(ma, mb));
      boolean[] va = booleans(ma);
      boolean[] vb = booleans(mb);
      assertEquals(Shape.of(2, 3), run.maskShape());
      for (int i = 0; i < va.length; i++) assertEquals(va[i] || vb[i], run.mask()[i]);
      MergingChecks.Run none =
          MergingChecks.run(new Concatenate(), List.of(a, b), Arrays.asList(null, null));
      assertNull(none.mask());
    }
  }

  @Test
  void differentiable() {
    MergingChecks.assertDifferentiable(
        new Concatenate(ConcatenateConfig.of(1)),
        spec(TFloat32.class, 2, 4),
        spec(TFloat32.class, 3, 4));
  }

  @Test
  void rejectsWhatKerasRejects() {
    Concatenate onSteps = new Concatenate(ConcatenateConfig.of(1));
    Shape a = Shape.of(Shape.UNKNOWN_SIZE, 2, 4);
    IllegalArgumentException mismatch =
        assertThrows(
            IllegalArgumentException.class,
            () -> onSteps.computeOutputShape(List.of(a, Shape.of(Shape.UNKNOWN_SIZE, 3, 5))));
    assertTrue(mismatch.getMessage().contains("matching shapes"), mismatch.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> onSteps.computeOutputShape(List.of(a, Shape.of(Shape.UNKNOWN_SIZE, 4))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Concatenate(ConcatenateConfig.of(3)).computeOutputShape(List.of(a, a)));
  }

  @Test
  void javadocExample() {
    KerasTensor a = Input.of(2, 4);
    KerasTensor b = Input.of(3, 4);
    KerasTensor y = new Concatenate(ConcatenateConfig.of(1)).apply(List.of(a, b)); // (None, 5, 4)
    assertEquals("(None, 5, 4)", Shapes.toKeras(y.shape()));
  }

  @Test
  void missingKeysGetKerasDefaults() throws Exception {
    assertEquals(
        ConcatenateConfig.defaults(), KerasJson.mapper().readValue("{}", ConcatenateConfig.class));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 a = gaussian(TFloat64.class, 1, 2, 3, 4);
        TFloat64 b = gaussian(TFloat64.class, 2, 2, 5, 4)) {
      assertGradientsMatchFiniteDifferences(
          new Concatenate(ConcatenateConfig.of(1), FLOAT64), a, b);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 a = gaussian(TFloat32.class, 3, 2, 3, 4);
        TFloat32 b = gaussian(TFloat32.class, 4, 2, 5, 4)) {
      assertTrainingStepLowersLoss(new Concatenate(ConcatenateConfig.of(1)), a, b);
    }
  }
}

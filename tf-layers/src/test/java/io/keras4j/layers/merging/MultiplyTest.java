package io.keras4j.layers.merging;

import static io.keras4j.layers.merging.MergingChecks.booleans;
import static io.keras4j.layers.merging.MergingChecks.filled;
import static io.keras4j.layers.merging.MergingChecks.floats;
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

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.core.Input;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class MultiplyTest {

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 5)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Multiply(), spec(TFloat32.class, 5), spec(TFloat32.class, 5))
                .get(0)
                .shape()));
    assertEquals(
        "(None, 3, 4)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Multiply(), spec(TFloat32.class, 3, 1), spec(TFloat32.class, 4))
                .get(0)
                .shape()));
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Multiply());
    MergingChecks.assertReadsAndWritesKerasConfigs("Multiply");
  }

  @Test
  void onesAreNeutralAndOrderDoesNotMatter() {
    try (TFloat32 a = randomFloats(12, 3, 5);
        TFloat32 b = randomFloats(13, 3, 5);
        TFloat32 ones = filled(1f, 3, 5);
        Result ab = predict(new Multiply(), a, b);
        Result ba = predict(new Multiply(), b, a);
        Result a1 = predict(new Multiply(), a, ones)) {
      assertArrayEquals(floats(ab.get(0)), floats(ba.get(0)));
      assertArrayEquals(floats(a), floats(a1.get(0)));
    }
  }

  @Test
  void maskedEntriesCountAsOneAndAreZeroWhereEveryInputIsMasked() {
    Shape shape = Shape.of(2, 3, 4);
    try (TFloat32 a = randomFloats(14, 2, 3, 4);
        TFloat32 b = randomFloats(15, 2, 3, 4);
        TBool ma = stripedMask(0, 2, 3);
        TBool mb = stripedMask(1, 2, 3);
        Result plain = predict(new Multiply(), a, b)) {
      MergingChecks.Run run =
          MergingChecks.run(new Multiply(), List.of(a, b), Arrays.asList(ma, mb));
      boolean[] va = booleans(ma);
      boolean[] vb = booleans(mb);
      float[] got = run.values();
      float[] product = floats(plain.get(0));
      float[] xa = floats(a);
      float[] xb = floats(b);
      for (int step = 0; step < va.length; step++) {
        for (int f = 0; f < 4; f++) {
          int i = step * 4 + f;
          float want = va[step] && vb[step] ? product[i] : va[step] ? xa[i] : vb[step] ? xb[i] : 0f;
          assertEquals(want, got[i], "entry " + i);
        }
        assertEquals(va[step] || vb[step], run.mask()[step]);
      }
      assertEquals(shape, run.shape());
    }
  }

  @Test
  void differentiable() {
    MergingChecks.assertDifferentiable(
        new Multiply(), spec(TFloat32.class, 5), spec(TFloat32.class, 5));
  }

  @Test
  void javadocExample() {
    KerasTensor a = Input.of(5);
    KerasTensor b = Input.of(5);
    KerasTensor product = new Multiply().apply(List.of(a, b)); // (None, 5)
    assertEquals("(None, 5)", Shapes.toKeras(product.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 a = gaussian(TFloat64.class, 1, 3, 4);
        TFloat64 b = gaussian(TFloat64.class, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(new Multiply(new MultiplyConfig(), FLOAT64), a, b);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 a = gaussian(TFloat32.class, 3, 3, 4);
        TFloat32 b = gaussian(TFloat32.class, 4, 3, 4)) {
      assertTrainingStepLowersLoss(new Multiply(), a, b);
    }
  }
}

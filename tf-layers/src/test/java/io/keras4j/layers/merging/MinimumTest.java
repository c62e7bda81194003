package io.keras4j.layers.merging;

import static io.keras4j.layers.merging.MergingChecks.booleans;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.core.Input;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class MinimumTest {

  @Test
  void outputSpecMatchesGraph() {
    assertEquals(
        "(None, 5)",
        Shapes.toKeras(
            assertOutputSpecMatchesGraph(
                    new Minimum(), spec(TFloat32.class, 5), spec(TFloat32.class, 5))
                .get(0)
                .shape()));
    assertEquals(
        TInt32.class,
        assertOutputSpecMatchesGraph(new Minimum(), spec(TInt32.class, 2, 5), spec(TInt32.class, 5))
            .get(0)
            .dtype());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Minimum());
    MergingChecks.assertReadsAndWritesKerasConfigs("Minimum");
  }

  @Test
  void resultIsOneOfTheInputsAndMinimumOfAll() {
    try (TFloat32 a = randomFloats(18, 3, 5);
        TFloat32 b = randomFloats(19, 3, 5);
        TFloat32 c = randomFloats(20, 3, 5);
        Result y = predict(new Minimum(), a, b, c)) {
      float[] got = floats(y.get(0));
      float[][] inputs = {floats(a), floats(b), floats(c)};
      for (int i = 0; i < got.length; i++) {
        boolean isOne = false;
        for (float[] x : inputs) {
          assertTrue(got[i] <= x[i], got[i] + " vs " + x[i]);
          isOne |= got[i] == x[i];
        }
        assertTrue(isOne, "entry " + i + " is one of the inputs");
      }
    }
  }

  @Test
  void withMaximumAddsUpToTheSum() {
    try (TFloat32 a = randomFloats(21, 3, 5);
        TFloat32 b = randomFloats(22, 3, 5);
        Result y = predict(new Minimum(), a, b);
        Result other = predict(new Maximum(), a, b);
        Result together = predict(new Add(), (TFloat32) y.get(0), (TFloat32) other.get(0));
        Result sum = predict(new Add(), a, b)) {
      assertArrayEquals(floats(sum.get(0)), floats(together.get(0)));
    }
  }

  @Test
  void maskedEntriesNeverWin() {
    try (TFloat32 a = randomFloats(23, 2, 3, 4);
        TFloat32 b = randomFloats(24, 2, 3, 4);
        TBool ma = stripedMask(0, 2, 3);
        TBool mb = stripedMask(1, 2, 3);
        Result plain = predict(new Minimum(), a, b)) {
      MergingChecks.Run run =
          MergingChecks.run(new Minimum(), List.of(a, b), Arrays.asList(ma, mb));
      boolean[] va = booleans(ma);
      boolean[] vb = booleans(mb);
      float[] unmasked = floats(plain.get(0));
      float[] xa = floats(a);
      float[] xb = floats(b);
      for (int step = 0; step < va.length; step++) {
        for (int f = 0; f < 4; f++) {
          int i = step * 4 + f;
          // Keras' rule: a masked-out entry takes the other input's value, so the result is the
          // unmasked one; where both are masked out the first input's value stays.
          float want = va[step] && vb[step] ? unmasked[i] : vb[step] ? xb[i] : xa[i];
          assertEquals(want, run.values()[i], "entry " + i);
        }
        assertEquals(va[step] || vb[step], run.mask()[step]);
      }
    }
  }

  @Test
  void differentiable() {
    MergingChecks.assertDifferentiable(
        new Minimum(), spec(TFloat32.class, 3, 5), spec(TFloat32.class, 5));
  }

  @Test
  void javadocExample() {
    KerasTensor a = Input.of(5);
    KerasTensor b = Input.of(5);
    KerasTensor y = new Minimum().apply(List.of(a, b)); // (None, 5)
    assertEquals("(None, 5)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 a = gaussian(TFloat64.class, 1, 3, 4);
        TFloat64 b = gaussian(TFloat64.class, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(new Minimum(new MinimumConfig(), FLOAT64), a, b);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 a = gaussian(TFloat32.class, 3, 3, 4);
        TFloat32 b = gaussian(TFloat32.class, 4, 3, 4)) {
      assertTrainingStepLowersLoss(new Minimum(), a, b);
    }
  }
}

package io.keras4j.layers.normalization;

import static io.keras4j.layers.normalization.NormalizationChecks.assertAllClose;
import static io.keras4j.layers.normalization.NormalizationChecks.random;
import static io.keras4j.layers.normalization.NormalizationChecks.stats;
import static io.keras4j.layers.normalization.NormalizationChecks.tensor;
import static io.keras4j.layers.normalization.NormalizationChecks.values;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.assertWeights;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.predict;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.core.Input;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class LayerNormalizationTest {

  private static LayerNormalization plain(Axes axes, double epsilon) {
    return new LayerNormalization(
        LayerNormalizationConfig.builder()
            .axis(axes)
            .epsilon(epsilon)
            .center(false)
            .scale(false)
            .build());
  }

  @Test
  void weightsAreGammaThenBetaShapedByTheAxes() {
    LayerNormalization last = new LayerNormalization(LayerNormalizationConfig.builder().build());
    assertOutputSpecMatchesGraph(last, spec(TFloat32.class, 5, 8));
    assertWeights(last, "gamma(8,)", "beta(8,)");

    LayerNormalization two =
        new LayerNormalization(
            LayerNormalizationConfig.builder().axis(Axes.list(1, 2)).scale(false).build());
    assertOutputSpecMatchesGraph(two, spec(TFloat32.class, 4, 6));
    assertWeights(two, "beta(4, 6)");

    LayerNormalization rms =
        new LayerNormalization(LayerNormalizationConfig.builder().rmsScaling(true).build());
    assertOutputSpecMatchesGraph(rms, spec(TFloat32.class, 3, 7));
    assertWeights(rms, "gamma(7,)");

    LayerNormalization middle =
        new LayerNormalization(LayerNormalizationConfig.builder().axis(1).build());
    assertOutputSpecMatchesGraph(middle, spec(TFloat32.class, 4, 6));
    assertWeights(middle, "gamma(4,)", "beta(4,)");
  }

  @Test
  void buildingWritesTheAxesSortedAndNonNegative() {
    LayerNormalization norm =
        new LayerNormalization(LayerNormalizationConfig.builder().axis(Axes.list(-1, 1)).build());
    assertOutputSpecMatchesGraph(norm, spec(TFloat32.class, 4, 6));
    assertEquals(Axes.list(1, 2), norm.getConfig().axis());
    assertEquals(
        "[1,2]",
        ConfigSerializer.of(KerasRegistry.builtins())
            .serialize(norm)
            .get("config")
            .get("axis")
            .toString());
  }

  @Test
  void outputHasZeroMeanAndUnitVarianceOverTheLastAxis() {
    long[] shape = {3, 5, 8};
    try (TFloat32 x = tensor(random(1, 4.0, 3.0, shape), shape);
        Result r = predict(plain(Axes.of(-1), 1e-6), x)) {
      double[][] s = stats(values(r.get(0)), shape, 2);
      assertAllClose(0.0, s[0], 1e-5, "mean");
      assertAllClose(1.0, s[1], 1e-4, "variance");
    }
  }

  @Test
  void outputHasZeroMeanAndUnitVarianceOverSeveralAxes() {
    long[] shape = {3, 4, 6};
    try (TFloat32 x = tensor(random(2, -2.0, 0.5, shape), shape);
        Result r = predict(plain(Axes.list(1, 2), 1e-7), x)) {
      double[][] s = stats(values(r.get(0)), shape, 1, 2);
      assertAllClose(0.0, s[0], 1e-5, "mean");
      assertAllClose(1.0, s[1], 1e-4, "variance");
    }
  }

  @Test
  void rmsScalingDividesByTheStandardDeviationWithoutCentering() {
    long[] shape = {4, 6};
    float[] in = random(3, 5.0, 2.0, shape);
    LayerNormalization rms =
        new LayerNormalization(
            LayerNormalizationConfig.builder().rmsScaling(true).epsilon(1e-7).build());
    try (TFloat32 x = tensor(in, shape);
        Result r = predict(rms, x)) {
      double[][] before = stats(in, shape, 1);
      double[][] after = stats(values(r.get(0)), shape, 1);
      assertAllClose(1.0, after[1], 1e-4, "variance");
      for (int i = 0; i < 4; i++) {
        assertEquals(before[0][i] / Math.sqrt(before[1][i]), after[0][i], 1e-4, "mean " + i);
      }
    }
  }

  @Test
  void badAxesAreRefused() {
    LayerNormalization duplicate =
        new LayerNormalization(LayerNormalizationConfig.builder().axis(Axes.list(2, -1)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> assertOutputSpecMatchesGraph(duplicate, spec(TFloat32.class, 3, 4)));
    LayerNormalization outside =
        new LayerNormalization(LayerNormalizationConfig.builder().axis(3).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> assertOutputSpecMatchesGraph(outside, spec(TFloat32.class, 3, 4)));
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(
        new LayerNormalization(
            LayerNormalizationConfig.builder()
                .axis(Axes.list(-2, -1))
                .epsilon(1e-5)
                .rmsScaling(true)
                .build()));
  }

  @Test
  void readsAndWritesWhatKerasWrote() {
    NormalizationChecks.assertReadsAndWritesKerasJson("LayerNormalization");
  }

  @Test
  void javadocExample() {
    LayerNormalization norm =
        new LayerNormalization(LayerNormalizationConfig.builder().axis(Axes.list(1, 2)).build());
    KerasTensor y = norm.apply(Input.of(4, 6)); // (None, 4, 6)
    assertEquals("(None, 4, 6)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(
          new LayerNormalization(LayerNormalizationConfig.builder().build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4)) {
      assertTrainingStepLowersLoss(
          new LayerNormalization(LayerNormalizationConfig.builder().build()), x);
    }
  }

  @Test
  void rmsScalingGradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(
          new LayerNormalization(
              LayerNormalizationConfig.builder().rmsScaling(true).build(), FLOAT64),
          x);
    }
  }
}

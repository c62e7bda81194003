package io.keras4j.layers.normalization;

import static io.keras4j.layers.normalization.NormalizationChecks.random;
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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.core.Input;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class GroupNormalizationTest {

  private static GroupNormalization plain(int groups, int axis) {
    return new GroupNormalization(
        GroupNormalizationConfig.builder()
            .groups(groups)
            .axis(axis)
            .epsilon(1e-7)
            .center(false)
            .scale(false)
            .build());
  }

  @Test
  void weightsAreGammaThenBetaPerChannel() {
    GroupNormalization norm =
        new GroupNormalization(GroupNormalizationConfig.builder().groups(2).build());
    assertOutputSpecMatchesGraph(norm, spec(TFloat32.class, 5, 6));
    assertWeights(norm, "gamma(6,)", "beta(6,)");

    GroupNormalization noGamma =
        new GroupNormalization(
            GroupNormalizationConfig.builder().groups(3).axis(1).scale(false).build());
    assertOutputSpecMatchesGraph(noGamma, spec(TFloat32.class, 3, 4, 4));
    assertWeights(noGamma, "beta(3,)");
  }

  @Test
  void outputSpecMatchesGraphWithUnknownDimensions() {
    assertOutputSpecMatchesGraph(
        new GroupNormalization(GroupNormalizationConfig.builder().groups(2).build()),
        spec(TFloat32.class, Shape.UNKNOWN_SIZE, 6));
    assertOutputSpecMatchesGraph(
        new GroupNormalization(GroupNormalizationConfig.builder().groups(2).axis(1).build()),
        spec(TFloat32.class, 4, Shape.UNKNOWN_SIZE, 3));
  }

  @Test
  void eachGroupOfEachSampleHasZeroMeanAndUnitVariance() {
    long[] shape = {3, 5, 6};
    int groups = 3;
    try (TFloat32 x = tensor(random(1, 2.0, 3.0, shape), shape);
        Result r = predict(plain(groups, -1), x)) {
      float[] y = values(r.get(0));
      int perGroup = 6 / groups;
      for (int b = 0; b < 3; b++) {
        for (int g = 0; g < groups; g++) {
          double sum = 0;
          double sumSq = 0;
          int n = 0;
          for (int t = 0; t < 5; t++) {
            for (int c = g * perGroup; c < (g + 1) * perGroup; c++) {
              double v = y[(b * 5 + t) * 6 + c];
              sum += v;
              sumSq += v * v;
              n++;
            }
          }
          double mean = sum / n;
          assertEquals(0.0, mean, 1e-5, "mean of sample " + b + " group " + g);
          assertEquals(
              1.0, sumSq / n - mean * mean, 1e-4, "variance of sample " + b + " group " + g);
        }
      }
    }
  }

  @Test
  void oneGroupIsLayerNormalizationOverEveryNonBatchAxis() {
    long[] shape = {2, 4, 6};
    float[] in = random(2, -1.0, 2.0, shape);
    LayerNormalization layerNorm =
        new LayerNormalization(
            LayerNormalizationConfig.builder()
                .axis(Axes.list(1, 2))
                .epsilon(1e-7)
                .center(false)
                .scale(false)
                .build());
    try (TFloat32 x = tensor(in, shape);
        Result grouped = predict(plain(1, 1), x);
        Result layered = predict(layerNorm, x)) {
      assertArrayEquals(values(layered.get(0)), values(grouped.get(0)), 1e-5f);
    }
  }

  @Test
  void instanceNormalizationSavesItsNumberOfGroups() {
    GroupNormalization norm =
        new GroupNormalization(GroupNormalizationConfig.builder().groups(-1).build());
    assertOutputSpecMatchesGraph(norm, spec(TFloat32.class, 5, 6));
    assertEquals(6, norm.getConfig().groups());
  }

  @Test
  void groupsMustDivideTheChannels() {
    assertThrows(
        IllegalArgumentException.class, () -> GroupNormalizationConfig.builder().groups(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> assertOutputSpecMatchesGraph(plain(4, -1), spec(TFloat32.class, 5, 6)));
    assertThrows(
        IllegalArgumentException.class,
        () -> assertOutputSpecMatchesGraph(plain(8, -1), spec(TFloat32.class, 5, 6)));
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(
        new GroupNormalization(
            GroupNormalizationConfig.builder()
                .groups(4)
                .axis(1)
                .epsilon(1e-5)
                .center(false)
                .build()));
  }

  @Test
  void javadocExample() {
    GroupNormalization norm =
        new GroupNormalization(GroupNormalizationConfig.builder().groups(2).build());
    KerasTensor y = norm.apply(Input.of(5, 6)); // (None, 5, 6)
    assertEquals("(None, 5, 6)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(
          new GroupNormalization(GroupNormalizationConfig.builder().groups(2).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4)) {
      assertTrainingStepLowersLoss(
          new GroupNormalization(GroupNormalizationConfig.builder().groups(2).build()), x);
    }
  }
}

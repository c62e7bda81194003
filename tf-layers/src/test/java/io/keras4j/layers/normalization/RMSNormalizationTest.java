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
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.core.Input;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class RMSNormalizationTest {

  @Test
  void weightIsScaleShapedByTheAxes() {
    RMSNormalization last = new RMSNormalization(RMSNormalizationConfig.builder().build());
    assertOutputSpecMatchesGraph(last, spec(TFloat32.class, 4, 6));
    assertWeights(last, "scale(6,)");

    RMSNormalization two =
        new RMSNormalization(RMSNormalizationConfig.builder().axis(Axes.list(2, 1)).build());
    assertOutputSpecMatchesGraph(two, spec(TFloat32.class, 4, 6));
    assertWeights(two, "scale(4, 6)");

    RMSNormalization middle =
        new RMSNormalization(RMSNormalizationConfig.builder().axis(1).build());
    assertOutputSpecMatchesGraph(middle, spec(TFloat32.class, 4, 6));
    assertWeights(middle, "scale(4,)");
  }

  @Test
  void buildingWritesTheAxisAsASortedList() {
    RMSNormalization norm = new RMSNormalization(RMSNormalizationConfig.builder().build());
    assertOutputSpecMatchesGraph(norm, spec(TFloat32.class, 4, 6));
    assertEquals(Axes.list(-1), norm.getConfig().axis());
  }

  @Test
  void outputHasUnitRootMeanSquare() {
    long[] shape = {3, 4, 6};
    try (TFloat32 x = tensor(random(1, 1.5, 2.0, shape), shape);
        Result r = predict(new RMSNormalization(RMSNormalizationConfig.builder().build()), x)) {
      float[] y = values(r.get(0));
      for (int row = 0; row < 12; row++) {
        double sq = 0;
        for (int j = 0; j < 6; j++) sq += y[row * 6 + j] * y[row * 6 + j];
        assertEquals(1.0, sq / 6, 1e-4, "mean square of row " + row);
      }
    }
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(
        new RMSNormalization(
            RMSNormalizationConfig.builder().axis(Axes.list(-2, -1)).epsilon(1e-5).build()));
  }

  @Test
  void javadocExample() {
    RMSNormalization norm = new RMSNormalization(RMSNormalizationConfig.builder().build());
    KerasTensor y = norm.apply(Input.of(4, 6)); // (None, 4, 6)
    assertEquals("(None, 4, 6)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(
          new RMSNormalization(
              RMSNormalizationConfig.builder().axis(Axes.list(2, 1)).build(), FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4)) {
      assertTrainingStepLowersLoss(
          new RMSNormalization(RMSNormalizationConfig.builder().axis(Axes.list(2, 1)).build()), x);
    }
  }
}

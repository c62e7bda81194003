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
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class UnitNormalizationTest {

  @Test
  void hasNoWeights() {
    UnitNormalization norm = new UnitNormalization(UnitNormalizationConfig.builder().build());
    assertOutputSpecMatchesGraph(norm, spec(TFloat32.class, 6));
    assertWeights(norm);
  }

  @Test
  void rowsHaveUnitNorm() {
    long[] shape = {4, 6};
    float[] in = random(1, 0.0, 5.0, shape);
    in[6] = in[7] = in[8] = in[9] = in[10] = in[11] = 0f; // a zero row stays zero
    try (TFloat32 x = tensor(in, shape);
        Result r = predict(new UnitNormalization(UnitNormalizationConfig.builder().build()), x)) {
      float[] y = values(r.get(0));
      for (int row = 0; row < 4; row++) {
        double sq = 0;
        for (int j = 0; j < 6; j++) sq += y[row * 6 + j] * y[row * 6 + j];
        assertEquals(row == 1 ? 0.0 : 1.0, sq, 1e-5, "squared norm of row " + row);
      }
    }
  }

  @Test
  void samplesHaveUnitNormOverSeveralAxes() {
    long[] shape = {3, 4, 5};
    UnitNormalization norm =
        new UnitNormalization(UnitNormalizationConfig.builder().axis(Axes.list(1, 2)).build());
    try (TFloat32 x = tensor(random(2, 1.0, 2.0, shape), shape);
        Result r = predict(norm, x)) {
      float[] y = values(r.get(0));
      for (int b = 0; b < 3; b++) {
        double sq = 0;
        for (int j = 0; j < 20; j++) sq += y[b * 20 + j] * y[b * 20 + j];
        assertEquals(1.0, sq, 1e-5, "squared norm of sample " + b);
      }
    }
  }

  @Test
  void axisIsWrittenInTheFormItWasGiven() {
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    assertEquals(
        "-1",
        serializer
            .serialize(new UnitNormalization(UnitNormalizationConfig.builder().build()))
            .get("config")
            .get("axis")
            .toString());
    assertEquals(
        "[-1]",
        serializer
            .serialize(
                new UnitNormalization(
                    UnitNormalizationConfig.builder().axis(Axes.list(-1)).build()))
            .get("config")
            .get("axis")
            .toString());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(
        new UnitNormalization(UnitNormalizationConfig.builder().axis(Axes.list(1, 2)).build()));
  }

  @Test
  void readsAndWritesWhatKerasWrote() {
    NormalizationChecks.assertReadsAndWritesKerasJson("UnitNormalization");
  }

  @Test
  void javadocExample() {
    UnitNormalization norm = new UnitNormalization(UnitNormalizationConfig.builder().build());
    KerasTensor y = norm.apply(Input.of(6)); // (None, 6)
    assertEquals("(None, 6)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(
          new UnitNormalization(UnitNormalizationConfig.builder().build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4)) {
      assertTrainingStepLowersLoss(
          new UnitNormalization(UnitNormalizationConfig.builder().build()), x);
    }
  }
}

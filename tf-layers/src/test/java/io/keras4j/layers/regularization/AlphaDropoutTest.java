package io.keras4j.layers.regularization;

import static io.keras4j.layers.regularization.GaussianNoiseTest.mean;
import static io.keras4j.layers.regularization.GaussianNoiseTest.stddev;
import static io.keras4j.layers.regularization.TrainingRuns.gaussian;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.CallContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class AlphaDropoutTest {

  @Test
  void trainingIsDifferentiable() {
    TrainingRuns.assertDifferentiable(
        new AlphaDropout(
            AlphaDropoutConfig.builder(0.3).noiseShape(Arrays.asList(null, 1L)).build()),
        Shape.of(4, 6));
  }

  private static final Shape SHAPE = Shape.of(200, 100);

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    AlphaDropout dropout = new AlphaDropout(AlphaDropoutConfig.of(0.1));
    assertOutputSpecMatchesGraph(dropout, spec(TFloat32.class, 6));
    assertOutputSpecMatchesGraph(dropout, spec(TFloat32.class, 3, 6));
    assertWeights(dropout);
    assertTrue(dropout.supportsMasking());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new AlphaDropout(AlphaDropoutConfig.of(0.1)));
    assertConfigRoundTrip(
        new AlphaDropout(
            AlphaDropoutConfig.builder(0.2).seed(1L).noiseShape(Arrays.asList(null, 1L)).build()));
  }

  @Test
  void rateMustBeAProbability() {
    assertThrows(IllegalArgumentException.class, () -> AlphaDropoutConfig.of(2.0));
    assertThrows(IllegalArgumentException.class, () -> new AlphaDropoutConfig.Builder().build());
  }

  @Test
  void identityAtInference() {
    float[] x = gaussian(18, 1);
    try (TFloat32 in = TFloat32.tensorOf(Shape.of(3, 6), DataBuffers.of(x, true, false));
        Result r = predict(new AlphaDropout(AlphaDropoutConfig.of(0.1)), in)) {
      assertArrayEquals(x, TrainingRuns.flat((TFloat32) r.get(0)));
    }
  }

  @Test
  void trainingKeepsAStandardNormalStandard() {
    float[] x = gaussian((int) SHAPE.size(), 2);
    float[] y =
        TrainingRuns.once(
            new AlphaDropout(AlphaDropoutConfig.builder(0.2).seed(3L).build()), x, SHAPE);
    assertEquals(0.0, mean(y), 0.03);
    assertEquals(1.0, stddev(y), 0.03);
  }

  @Test
  void droppedEntriesAllTakeOneValue() {
    // On a constant input every entry is either the kept value or the dropped one, and about
    // `rate` of them are dropped.
    float[] ones = new float[(int) SHAPE.size()];
    Arrays.fill(ones, 1f);
    float rate = 0.3f;
    float[] y =
        TrainingRuns.once(
            new AlphaDropout(AlphaDropoutConfig.builder(rate).seed(4L).build()), ones, SHAPE);
    Map<Float, Integer> counts = new HashMap<>();
    for (float v : y) counts.merge(v, 1, Integer::sum);
    assertEquals(2, counts.size(), "values " + counts.keySet());
    int rarer = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
    assertEquals(rate, (float) rarer / y.length, 0.02f);
  }

  // Training mode with a seed: the kit evaluates each perturbation in a new session, where the
  // seeded draws repeat, so the noise is the same in every evaluation.
  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 3, 5)) {
      assertGradientsMatchFiniteDifferences(
          new AlphaDropout(AlphaDropoutConfig.builder(0.3).seed(7L).build(), FLOAT64), x);
      assertGradientsMatchFiniteDifferences(
          new AlphaDropout(AlphaDropoutConfig.builder(0.3).seed(7L).build(), FLOAT64),
          CallContext.inference(),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 3, 5)) {
      assertTrainingStepLowersLoss(
          new AlphaDropout(AlphaDropoutConfig.builder(0.3).seed(7L).build()), x);
    }
  }
}

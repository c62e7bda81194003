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
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class GaussianDropoutTest {

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    GaussianDropout dropout = new GaussianDropout(GaussianDropoutConfig.of(0.2));
    assertOutputSpecMatchesGraph(dropout, spec(TFloat32.class, 6));
    assertOutputSpecMatchesGraph(dropout, spec(TFloat32.class, 3, 6));
    assertWeights(dropout);
    assertTrue(dropout.supportsMasking());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new GaussianDropout(GaussianDropoutConfig.of(0.2)));
    assertConfigRoundTrip(new GaussianDropout(GaussianDropoutConfig.builder(0.4).seed(2L).build()));
  }

  @Test
  void rateMustBeAProbability() {
    assertThrows(IllegalArgumentException.class, () -> GaussianDropoutConfig.of(1.1));
    assertThrows(IllegalArgumentException.class, () -> new GaussianDropoutConfig.Builder().build());
  }

  @Test
  void identityAtInference() {
    float[] x = gaussian(18, 1);
    try (TFloat32 in = TFloat32.tensorOf(Shape.of(3, 6), DataBuffers.of(x, true, false));
        Result r = predict(new GaussianDropout(GaussianDropoutConfig.of(0.2)), in)) {
      assertArrayEquals(x, TrainingRuns.flat((TFloat32) r.get(0)));
    }
  }

  @Test
  void trainingMultipliesByNoiseOfMeanOne() {
    // On an input of ones the output is the multiplicative noise itself.
    double rate = 0.2;
    float[] ones = new float[10000];
    Arrays.fill(ones, 1f);
    float[] noise =
        TrainingRuns.once(
            new GaussianDropout(GaussianDropoutConfig.builder(rate).seed(6L).build()),
            ones,
            Shape.of(100, 100));
    assertEquals(1.0, mean(noise), 0.02);
    assertEquals(Math.sqrt(rate / (1 - rate)), stddev(noise), 0.02);
  }

  @Test
  void trainingIsDifferentiable() {
    TrainingRuns.assertDifferentiable(
        new GaussianDropout(GaussianDropoutConfig.of(0.3)), Shape.of(4, 6));
  }

  // Training mode with a seed: the kit evaluates each perturbation in a new session, where the
  // seeded draws repeat, so the noise is the same in every evaluation.
  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 3, 5)) {
      assertGradientsMatchFiniteDifferences(
          new GaussianDropout(GaussianDropoutConfig.builder(0.2).seed(7L).build(), FLOAT64), x);
      assertGradientsMatchFiniteDifferences(
          new GaussianDropout(GaussianDropoutConfig.builder(0.2).seed(7L).build(), FLOAT64),
          CallContext.inference(),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 3, 5)) {
      assertTrainingStepLowersLoss(
          new GaussianDropout(GaussianDropoutConfig.builder(0.2).seed(7L).build()), x);
    }
  }
}

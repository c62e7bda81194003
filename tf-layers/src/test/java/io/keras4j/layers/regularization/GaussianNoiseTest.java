package io.keras4j.layers.regularization;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.CallContext;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class GaussianNoiseTest {

  @Test
  void trainingIsDifferentiable() {
    TrainingRuns.assertDifferentiable(
        new GaussianNoise(GaussianNoiseConfig.of(0.3)), Shape.of(4, 6));
  }

  private static final Shape SHAPE = Shape.of(100, 100);

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    GaussianNoise noise = new GaussianNoise(GaussianNoiseConfig.of(0.3));
    assertOutputSpecMatchesGraph(noise, spec(TFloat32.class, 6));
    assertOutputSpecMatchesGraph(noise, spec(TFloat32.class, 3, 6));
    assertWeights(noise);
    assertTrue(noise.supportsMasking());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new GaussianNoise(GaussianNoiseConfig.of(0.3)));
    assertConfigRoundTrip(new GaussianNoise(GaussianNoiseConfig.builder(0.1).seed(4L).build()));
  }

  @Test
  void stddevMustBeBetweenZeroAndOne() {
    assertThrows(IllegalArgumentException.class, () -> GaussianNoiseConfig.of(1.5));
    assertThrows(IllegalArgumentException.class, () -> GaussianNoiseConfig.of(-0.1));
    assertThrows(IllegalArgumentException.class, () -> new GaussianNoiseConfig.Builder().build());
  }

  @Test
  void identityAtInference() {
    float[] x = gaussian(18, 1);
    try (TFloat32 in = TFloat32.tensorOf(Shape.of(3, 6), DataBuffers.of(x, true, false));
        Result r = predict(new GaussianNoise(GaussianNoiseConfig.of(0.3)), in)) {
      assertArrayEquals(x, TrainingRuns.flat((TFloat32) r.get(0)));
    }
  }

  @Test
  void trainingAddsZeroMeanNoiseOfTheGivenDeviation() {
    float[] x = gaussian((int) SHAPE.size(), 2);
    float[] y =
        TrainingRuns.once(
            new GaussianNoise(GaussianNoiseConfig.builder(0.3).seed(3L).build()), x, SHAPE);
    float[] noise = new float[x.length];
    for (int i = 0; i < x.length; i++) noise[i] = y[i] - x[i];
    assertEquals(0.0, mean(noise), 0.01);
    assertEquals(0.3, stddev(noise), 0.01);
  }

  @Test
  void aSeedReproducesTheSequenceAndEachRunDrawsAgain() {
    float[] x = gaussian(100, 5);
    Shape shape = Shape.of(10, 10);
    List<float[]> first =
        TrainingRuns.run(
            new GaussianNoise(GaussianNoiseConfig.builder(0.3).seed(9L).build()), x, shape, 2);
    List<float[]> again =
        TrainingRuns.run(
            new GaussianNoise(GaussianNoiseConfig.builder(0.3).seed(9L).build()), x, shape, 2);
    assertArrayEquals(first.get(0), again.get(0));
    assertArrayEquals(first.get(1), again.get(1));
    assertFalse(Arrays.equals(first.get(0), first.get(1)));
  }

  static double mean(float[] v) {
    double sum = 0;
    for (float x : v) sum += x;
    return sum / v.length;
  }

  static double stddev(float[] v) {
    double m = mean(v);
    double sum = 0;
    for (float x : v) sum += (x - m) * (x - m);
    return Math.sqrt(sum / v.length);
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("GaussianNoise");
  }

  // Training mode with a seed: the kit evaluates each perturbation in a new session, where the
  // seeded draws repeat, so the noise is the same in every evaluation.
  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 3, 5)) {
      assertGradientsMatchFiniteDifferences(
          new GaussianNoise(GaussianNoiseConfig.builder(0.3).seed(7L).build(), FLOAT64), x);
      assertGradientsMatchFiniteDifferences(
          new GaussianNoise(GaussianNoiseConfig.builder(0.3).seed(7L).build(), FLOAT64),
          CallContext.inference(),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 3, 5)) {
      assertTrainingStepLowersLoss(
          new GaussianNoise(GaussianNoiseConfig.builder(0.3).seed(7L).build()), x);
    }
  }
}

package io.keras4j.layers.regularization;

import static io.keras4j.layers.regularization.TrainingRuns.fractionOfZeros;
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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.CallContext;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class DropoutTest {

  @Test
  void trainingIsDifferentiable() {
    TrainingRuns.assertDifferentiable(
        new Dropout(DropoutConfig.builder(0.5).noiseShape(Arrays.asList(null, 1L)).build()),
        Shape.of(4, 6));
    TrainingRuns.assertDifferentiable(new Dropout(DropoutConfig.of(1.0)), Shape.of(4, 6));
  }

  private static final Shape SHAPE = Shape.of(100, 100);

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    Dropout dropout = new Dropout(DropoutConfig.of(0.5));
    assertOutputSpecMatchesGraph(dropout, spec(TFloat32.class, 6));
    assertOutputSpecMatchesGraph(dropout, spec(TFloat32.class, 3, 6));
    assertWeights(dropout);
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Dropout(DropoutConfig.of(0.5)));
    assertConfigRoundTrip(
        new Dropout(
            DropoutConfig.builder(0.25).seed(3L).noiseShape(Arrays.asList(null, 1L)).build()));
  }

  @Test
  void rateMustBeAProbability() {
    assertThrows(IllegalArgumentException.class, () -> DropoutConfig.of(1.5));
    assertThrows(IllegalArgumentException.class, () -> DropoutConfig.of(-0.1));
    assertThrows(IllegalArgumentException.class, () -> new DropoutConfig.Builder().build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DropoutConfig.builder(0.5).noiseShape(List.of(0L)).build());
  }

  @Test
  void identityAtInference() {
    float[] x = gaussian(3 * 6, 1);
    try (TFloat32 in = TFloat32.tensorOf(Shape.of(3, 6), DataBuffers.of(x, true, false));
        Result r = predict(new Dropout(DropoutConfig.of(0.5)), in)) {
      assertArrayEquals(x, TrainingRuns.flat((TFloat32) r.get(0)));
    }
  }

  @Test
  void trainingDropsAboutRateAndScalesTheRest() {
    float rate = 0.3f;
    float[] x = gaussian((int) SHAPE.size(), 2);
    float[] y =
        TrainingRuns.once(new Dropout(DropoutConfig.builder(rate).seed(1L).build()), x, SHAPE);
    assertEquals(rate, fractionOfZeros(y), 0.03f);
    for (int i = 0; i < x.length; i++) {
      if (y[i] != 0f) assertEquals(x[i] / (1f - rate), y[i], 1e-6f * Math.abs(y[i]));
    }
  }

  @Test
  void rateOneDropsEverything() {
    float[] y =
        TrainingRuns.once(new Dropout(DropoutConfig.of(1.0)), gaussian(100, 3), Shape.of(10, 10));
    assertEquals(1f, fractionOfZeros(y));
  }

  @Test
  void noiseShapeSharesOneDrawAlongItsOnes() {
    // noise_shape (None, 1): one draw per row, so every row is dropped or kept whole.
    Dropout dropout =
        new Dropout(
            DropoutConfig.builder(0.5).seed(2L).noiseShape(Arrays.asList(null, 1L)).build());
    float[] x = gaussian((int) SHAPE.size(), 4);
    float[] y = TrainingRuns.once(dropout, x, SHAPE);
    int droppedRows = 0;
    for (int row = 0; row < 100; row++) {
      float[] r = Arrays.copyOfRange(y, row * 100, row * 100 + 100);
      float zeros = fractionOfZeros(r);
      assertTrue(zeros == 0f || zeros == 1f, "row " + row + " is partly dropped");
      if (zeros == 1f) droppedRows++;
    }
    assertTrue(droppedRows > 25 && droppedRows < 75, droppedRows + " rows dropped");
  }

  @Test
  void aSeedReproducesTheSequenceAndEachRunDrawsAgain() {
    float[] x = gaussian((int) SHAPE.size(), 5);
    List<float[]> first =
        TrainingRuns.run(new Dropout(DropoutConfig.builder(0.5).seed(7L).build()), x, SHAPE, 2);
    List<float[]> again =
        TrainingRuns.run(new Dropout(DropoutConfig.builder(0.5).seed(7L).build()), x, SHAPE, 2);
    List<float[]> other =
        TrainingRuns.run(new Dropout(DropoutConfig.builder(0.5).seed(8L).build()), x, SHAPE, 1);
    assertArrayEquals(first.get(0), again.get(0), "same seed, same first mask");
    assertArrayEquals(first.get(1), again.get(1), "same seed, same second mask");
    assertFalse(Arrays.equals(first.get(0), first.get(1)), "each training step draws a new mask");
    assertFalse(Arrays.equals(first.get(0), other.get(0)), "another seed, another mask");
  }

  @Test
  void masksPassThrough() {
    Dropout dropout = new Dropout(DropoutConfig.of(0.5));
    assertTrue(dropout.supportsMasking());
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TBool> mask = tf.constant(new boolean[] {true, false});
      Operand<TFloat32> x = tf.constant(new float[][] {{1f, 2f}});
      assertSame(mask, dropout.computeMask(tf, List.of(x), List.of(mask), 1).get(0));
    }
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("Dropout");
  }

  // Training mode with a seed: the kit evaluates each perturbation in a new session, where the
  // seeded draws repeat, so the noise is the same in every evaluation.
  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 3, 5)) {
      assertGradientsMatchFiniteDifferences(
          new Dropout(DropoutConfig.builder(0.5).seed(7L).build(), FLOAT64), x);
      assertGradientsMatchFiniteDifferences(
          new Dropout(DropoutConfig.builder(0.5).seed(7L).build(), FLOAT64),
          CallContext.inference(),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 3, 5)) {
      assertTrainingStepLowersLoss(new Dropout(DropoutConfig.builder(0.5).seed(7L).build()), x);
    }
  }
}

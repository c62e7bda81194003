package io.keras4j.layers.normalization;

import static io.keras4j.layers.normalization.NormalizationChecks.assertAllClose;
import static io.keras4j.layers.normalization.NormalizationChecks.random;
import static io.keras4j.layers.normalization.NormalizationChecks.run;
import static io.keras4j.layers.normalization.NormalizationChecks.stats;
import static io.keras4j.layers.normalization.NormalizationChecks.tensor;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.assertWeights;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.initializers.RandomUniform;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.core.Input;
import io.keras4j.layers.normalization.NormalizationChecks.Run;
import io.keras4j.serialization.ConfigException;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class BatchNormalizationTest {

  @Test
  void weightsAreGammaBetaThenMovingStatistics() {
    BatchNormalization bn = new BatchNormalization(BatchNormalizationConfig.builder().build());
    assertOutputSpecMatchesGraph(bn, spec(TFloat32.class, 6));
    assertWeights(bn, "gamma(6,)", "beta(6,)", "moving_mean(6,)", "moving_variance(6,)");
    assertEquals(2, bn.trainableWeights().size());
    assertEquals(List.of(bn.movingMean(), bn.movingVariance()), bn.nonTrainableWeights());
  }

  @Test
  void centerAndScaleOffDropBetaAndGamma() {
    BatchNormalization noBeta =
        new BatchNormalization(BatchNormalizationConfig.builder().center(false).build());
    assertOutputSpecMatchesGraph(noBeta, spec(TFloat32.class, 4, 4, 3));
    assertWeights(noBeta, "gamma(3,)", "moving_mean(3,)", "moving_variance(3,)");

    BatchNormalization noGamma =
        new BatchNormalization(BatchNormalizationConfig.builder().scale(false).axis(1).build());
    assertOutputSpecMatchesGraph(noGamma, spec(TFloat32.class, 3, 4, 4));
    assertWeights(noGamma, "beta(3,)", "moving_mean(3,)", "moving_variance(3,)");
  }

  @Test
  void outputSpecMatchesGraphForAnyAxis() {
    for (int axis : new int[] {-1, 1, 2, -3}) {
      BatchNormalization bn =
          new BatchNormalization(BatchNormalizationConfig.builder().axis(axis).build());
      assertOutputSpecMatchesGraph(bn, spec(TFloat32.class, 5, 4, 3));
    }
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(
        new BatchNormalization(
            BatchNormalizationConfig.builder()
                .axis(1)
                .momentum(0.9)
                .epsilon(1e-5)
                .center(false)
                .gammaInitializer(new RandomUniform(1L, 0.5, 1.5))
                .build()));
  }

  @Test
  void readsAndWritesWhatKerasWrote() {
    NormalizationChecks.assertReadsAndWritesKerasJson("BatchNormalization");
  }

  @Test
  void renormAndSynchronizedAreRefused() {
    assertThrows(
        UnsupportedOperationException.class,
        () -> BatchNormalizationConfig.builder().renorm(true).build());
    assertThrows(
        UnsupportedOperationException.class,
        () -> BatchNormalizationConfig.builder().synchronizedStatistics(true).build());
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    ObjectNode json =
        serializer.serialize(new BatchNormalization(BatchNormalizationConfig.builder().build()));
    ((ObjectNode) json.get("config")).put("renorm", true);
    ConfigException e = assertThrows(ConfigException.class, () -> serializer.deserialize(json));
    assertTrue(e.getMessage().contains("renorm"), e.getMessage());
  }

  @Test
  void readsKeras2AxisListOfOneAxis() {
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    ObjectNode json =
        serializer.serialize(new BatchNormalization(BatchNormalizationConfig.builder().build()));
    ObjectNode config = (ObjectNode) json.get("config");
    config.putArray("axis").add(3);
    BatchNormalization bn = (BatchNormalization) serializer.deserialize(json);
    assertEquals(3, bn.getConfig().axis());
    assertEquals(3, serializer.serialize(bn).get("config").get("axis").asInt());

    config.putArray("axis").add(1).add(2);
    assertThrows(ConfigException.class, () -> serializer.deserialize(json));
  }

  @Test
  void trainingNormalizesWithBatchStatisticsAndMovesTheMovingOnes() {
    double momentum = 0.9;
    BatchNormalization bn =
        new BatchNormalization(
            BatchNormalizationConfig.builder().momentum(momentum).epsilon(1e-6).build());
    long[] shape = {16, 5, 3};
    float[] x = random(1, 3.0, 2.0, shape);
    Run run;
    try (TFloat32 in = tensor(x, shape)) {
      run = run(bn, in, CallContext.of(true), null, "moving_mean", "moving_variance");
    }
    double[][] out = stats(run.output(), shape, 0, 1);
    assertAllClose(0.0, out[0], 1e-4, "mean of the training output per feature");
    assertAllClose(1.0, out[1], 1e-3, "variance of the training output per feature");

    double[][] batch = stats(x, shape, 0, 1);
    for (int c = 0; c < 3; c++) {
      assertEquals((1 - momentum) * batch[0][c], run.weightsAfter().get(0)[c], 1e-4);
      assertEquals(
          momentum * 1.0 + (1 - momentum) * batch[1][c], run.weightsAfter().get(1)[c], 1e-3);
    }
  }

  @Test
  void aTrainingStepCollectsTheUpdatesInsteadOfTyingThemToTheOutput() {
    long[] shape = {8, 3};
    float[] x = random(5, 2.0, 1.0, shape);
    try (TFloat32 in = tensor(x, shape)) {
      CallContext.Effects collected = new CallContext.Effects();
      BatchNormalization bn = new BatchNormalization(BatchNormalizationConfig.builder().build());
      Run output = run(bn, in, CallContext.training(collected), null, "moving_mean");
      assertEquals(2, collected.updates().size());
      assertArrayEquals(new float[3], output.weightsAfter().get(0), "output alone updates nothing");

      CallContext.Effects step = new CallContext.Effects();
      BatchNormalization again = new BatchNormalization(BatchNormalizationConfig.builder().build());
      Run run = run(again, in, CallContext.training(step), step, null, "moving_mean");
      double[] batchMean = stats(x, shape, 0)[0];
      for (int c = 0; c < 3; c++) {
        assertEquals(0.01 * batchMean[c], run.weightsAfter().get(0)[c], 1e-5);
      }
    }
  }

  @Test
  void inferenceAndFrozenTrainingKeepTheMovingStatistics() {
    long[] shape = {8, 4};
    float[] x = random(2, 1.0, 3.0, shape);
    BatchNormalization frozen =
        new BatchNormalization(
            BatchNormalizationConfig.builder().build(), LayerArgs.defaults().withTrainable(false));
    BatchNormalization inference =
        new BatchNormalization(BatchNormalizationConfig.builder().build());
    try (TFloat32 in = tensor(x, shape)) {
      Run trained = run(frozen, in, CallContext.of(true), null, "moving_mean");
      Run inferred = run(inference, in, CallContext.inference(), null, "moving_mean");
      assertArrayEquals(inferred.output(), trained.output());
      assertArrayEquals(new float[4], trained.weightsAfter().get(0));
    }
  }

  @Test
  void maskedPositionsDoNotChangeTrainingStatistics() {
    long[] shape = {4, 5, 2};
    float[] x = random(3, 0.5, 1.0, shape);
    boolean[] mask = new boolean[20];
    float[] changed = x.clone();
    for (int i = 0; i < mask.length; i++) {
      mask[i] = i % 3 != 0;
      if (!mask[i]) {
        changed[2 * i] = 1e4f;
        changed[2 * i + 1] = -1e4f;
      }
    }
    try (TFloat32 a = tensor(x, shape);
        TFloat32 b = tensor(changed, shape);
        TBool m = TBool.tensorOf(Shape.of(4, 5), DataBuffers.of(mask, true, false))) {
      BatchNormalization first = new BatchNormalization(BatchNormalizationConfig.builder().build());
      BatchNormalization second =
          new BatchNormalization(BatchNormalizationConfig.builder().build());
      Run ra = run(first, a, CallContext.of(true), m, "moving_mean");
      Run rb = run(second, b, CallContext.of(true), m, "moving_mean");
      for (int i = 0; i < mask.length; i++) {
        if (mask[i]) {
          assertEquals(ra.output()[2 * i], rb.output()[2 * i], 1e-5);
          assertEquals(ra.output()[2 * i + 1], rb.output()[2 * i + 1], 1e-5);
        }
      }
      assertArrayEquals(ra.weightsAfter().get(0), rb.weightsAfter().get(0), 1e-5f);
    }
  }

  @Test
  void trainingGraphHasGradientsForItsInput() {
    BatchNormalization bn =
        new BatchNormalization(BatchNormalizationConfig.builder().axis(1).build());
    try (Graph g = new Graph();
        Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> in =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(6, 3, 2)));
      @SuppressWarnings("unchecked")
      Operand<TFloat32> y =
          (Operand<TFloat32>) bn.apply(tf, List.of(in), CallContext.of(true)).get(0);
      Operand<TFloat32> loss =
          tf.sum(tf.math.mul(y, tf.math.sin(y)), tf.constant(new int[] {0, 1, 2}));
      Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] {in.asOutput()});
      assertEquals(1, grads.length);
      assertNotNull(grads[0]);
      Session.Runner init = session.runner();
      bn.weights()
          .forEach(
              w ->
                  init.addTarget(
                      tf.assignVariableOp(
                          w.handle(tf), w.initializer().call(tf, w.shape(), w.dtype()))));
      init.run();
      try (TFloat32 x = tensor(random(4, 0, 1, 6, 3, 2), 6, 3, 2);
          Result r = session.runner().feed(in, x).fetch(grads[0]).run()) {
        for (float v : NormalizationChecks.values(r.get(0))) assertTrue(Float.isFinite(v));
      }
      bn.weights().forEach(w -> w.detach(g));
    }
  }

  @Test
  void javadocExample() {
    BatchNormalization bn =
        new BatchNormalization(BatchNormalizationConfig.builder().axis(1).center(false).build());
    KerasTensor y = bn.apply(Input.of(3, 4, 4)); // (None, 3, 4, 4)
    assertEquals("(None, 3, 4, 4)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    // Training: normalized by the batch's statistics, which the gradient goes through.
    try (TFloat64 x = gaussian(TFloat64.class, 1, 4, 3, 2)) {
      assertGradientsMatchFiniteDifferences(
          new BatchNormalization(BatchNormalizationConfig.builder().build(), FLOAT64), x);
    }
    // Inference: normalized by the moving statistics.
    try (TFloat64 x = gaussian(TFloat64.class, 1, 4, 3, 2)) {
      assertGradientsMatchFiniteDifferences(
          new BatchNormalization(BatchNormalizationConfig.builder().build(), FLOAT64),
          CallContext.inference(),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 4, 3, 2)) {
      assertTrainingStepLowersLoss(
          new BatchNormalization(BatchNormalizationConfig.builder().build()), x);
    }
  }
}

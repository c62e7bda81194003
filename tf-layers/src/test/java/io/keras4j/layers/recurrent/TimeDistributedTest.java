package io.keras4j.layers.recurrent;

import static io.keras4j.layers.recurrent.Eager.assertClose;
import static io.keras4j.layers.recurrent.Eager.seeded;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.activations.BuiltinActivation;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Masking;
import io.keras4j.layers.core.MaskingConfig;
import io.keras4j.testing.LayerTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class TimeDistributedTest {

  private static Dense dense(int units) {
    return new Dense(
        DenseConfig.builder(units)
            .activation(BuiltinActivation.SIGMOID)
            .kernelInitializer(seeded(1))
            .biasInitializer(seeded(2))
            .build(),
        LayerArgs.named("dense"));
  }

  private static TimeDistributed timeDistributed(Dense dense) {
    return new TimeDistributed(TimeDistributedConfig.builder(dense).build());
  }

  @Test
  void the_wrapped_layer_is_the_child_that_holds_the_weights() {
    Dense dense = dense(3);
    TimeDistributed td = timeDistributed(dense);
    Eager.build(td, 4, 5);
    assertSame(dense, td.children().get("layer"));
    assertEquals("(None, 5)", Shapes.toKeras(dense.buildInputShapes().get(0)));
    LayerTestKit.assertWeights(td, "kernel(5, 3)", "bias(3,)");
  }

  @Test
  void every_step_is_the_wrapped_layer_applied_alone() {
    float[][][] x = Eager.sequence(2, 4, 5, 0.1);
    Dense dense = dense(3);
    float[][][] y = (float[][][]) Eager.run(timeDistributed(dense), x).get(0);
    for (int t = 0; t < 4; t++) {
      try (EagerSession session = EagerSession.create()) {
        Ops tf = Ops.create(session);
        float[][] alone =
            StdArrays.array2dCopyOf(
                (TFloat32) dense.apply(tf, tf.constant(Eager.step(x, t))).asTensor());
        assertClose(alone, Eager.step(y, t), 1e-6);
      }
    }
  }

  @Test
  void output_shapes_keep_the_time_axis() {
    assertShapes(timeDistributed(dense(3)), spec(TFloat32.class, 4, 5), "(None, 4, 3)");
    assertShapes(timeDistributed(dense(2)), spec(TFloat32.class, 3, 4, 5), "(None, 3, 4, 2)");
  }

  private static void assertShapes(TimeDistributed td, TensorSpec in, String expected) {
    List<TensorSpec> specs = LayerTestKit.assertOutputSpecMatchesGraph(td, in);
    assertEquals(expected, Shapes.toKeras(specs.get(0).shape()));
  }

  @Test
  void needs_a_time_axis() {
    assertThrows(
        IllegalArgumentException.class,
        () -> timeDistributed(dense(2)).computeOutputShape(org.tensorflow.ndarray.Shape.of(-1, 5)));
  }

  @Test
  void the_config_keras_wrote_reads_and_writes_back_the_same_json() {
    TimeDistributed td = (TimeDistributed) KerasConfigs.assertReadsAndWritesBack("TimeDistributed");
    assertEquals("dense_21", td.layer().name());
  }

  @Test
  void config_round_trips_through_json_and_the_registry() {
    LayerTestKit.assertConfigRoundTrip(timeDistributed(dense(3)));
    LayerTestKit.assertConfigRoundTrip(
        new TimeDistributed(
            TimeDistributedConfig.builder(
                    new Masking(MaskingConfig.builder().maskValue(2).build(), LayerArgs.named("m")))
                .build()));
  }

  @Test
  void one_gradient_step_lowers_the_loss() {
    Training.assertOneStepLowersTheLoss(timeDistributed(dense(3)), Eager.sequence(2, 4, 5, 0.4));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 5)) {
      assertGradientsMatchFiniteDifferences(
          new TimeDistributed(
              TimeDistributedConfig.builder(
                      new Dense(
                          DenseConfig.builder(3).activation(BuiltinActivation.TANH).build(),
                          FLOAT64))
                  .build(),
              FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 5)) {
      assertTrainingStepLowersLoss(
          new TimeDistributed(
              TimeDistributedConfig.builder(
                      new Dense(DenseConfig.builder(3).activation(BuiltinActivation.TANH).build()))
                  .build()),
          x);
    }
  }
}

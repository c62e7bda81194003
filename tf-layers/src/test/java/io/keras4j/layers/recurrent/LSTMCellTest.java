package io.keras4j.layers.recurrent;

import static io.keras4j.layers.recurrent.Eager.seeded;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.testing.LayerTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class LSTMCellTest {

  @Test
  void weights_have_keras_names_shapes_and_order() {
    LSTMCell cell = new LSTMCell(LSTMCellConfig.builder(4).build());
    Eager.build(cell, 3);
    LayerTestKit.assertWeights(cell, "kernel(3, 16)", "recurrent_kernel(4, 16)", "bias(16,)");
  }

  @Test
  void called_alone_it_takes_and_returns_h_and_c() {
    LSTMCell cell = new LSTMCell(LSTMCellConfig.builder(4).build());
    TensorSpec x = spec(TFloat32.class, 3);
    TensorSpec state = spec(TFloat32.class, 4);
    List<TensorSpec> out = LayerTestKit.assertOutputSpecMatchesGraph(cell, x, state, state);
    assertEquals(
        List.of("(None, 4)", "(None, 4)", "(None, 4)"),
        out.stream().map(s -> Shapes.toKeras(s.shape())).toList());
  }

  @Test
  void its_output_is_its_new_h() {
    LSTMCell cell =
        new LSTMCell(
            LSTMCellConfig.builder(2)
                .kernelInitializer(seeded(1))
                .recurrentInitializer(seeded(2))
                .build());
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      List<Operand<?>> out =
          cell.apply(
              tf,
              List.of(
                  tf.constant(new float[][] {{0.5f, -1f, 2f}}),
                  tf.constant(new float[][] {{0.1f, 0.2f}}),
                  tf.constant(new float[][] {{-0.3f, 0.4f}})),
              CallContext.inference());
      assertArrayEquals(
          StdArrays.array2dCopyOf((TFloat32) out.get(0).asTensor()),
          StdArrays.array2dCopyOf((TFloat32) out.get(1).asTensor()));
    }
  }

  @Test
  void config_round_trips_through_json_and_the_registry() {
    LSTMCell cell =
        new LSTMCell(
            LSTMCellConfig.builder(3).unitForgetBias(false).recurrentDropout(0.1).build(),
            LayerArgs.named("cell"));
    Eager.build(cell, 2);
    LayerTestKit.assertConfigRoundTrip(cell);
  }

  // One step on its input and states, outputs and new states all in the loss.
  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4);
        TFloat64 s0 = gaussian(TFloat64.class, 3, 2, 3);
        TFloat64 s1 = gaussian(TFloat64.class, 4, 2, 3); ) {
      assertGradientsMatchFiniteDifferences(
          new LSTMCell(LSTMCellConfig.builder(3).build(), FLOAT64), x, s0, s1);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4);
        TFloat32 s0 = gaussian(TFloat32.class, 5, 2, 3);
        TFloat32 s1 = gaussian(TFloat32.class, 6, 2, 3); ) {
      assertTrainingStepLowersLoss(new LSTMCell(LSTMCellConfig.builder(3).build()), x, s0, s1);
    }
  }
}

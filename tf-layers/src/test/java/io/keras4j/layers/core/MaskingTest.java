package io.keras4j.layers.core;

import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.initializers.RandomUniform;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.recurrent.LSTM;
import io.keras4j.layers.recurrent.LSTMConfig;
import io.keras4j.models.Sequential;
import io.keras4j.testing.LayerTestKit;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class MaskingTest {

  /** Sample 0 has no step of all -1; sample 1 has two, at steps 0 and 3. */
  private static final float[][][] X = {
    {{1, 2}, {-1, 0}, {0, 3}, {0, -1}},
    {{-1, -1}, {-1, 4}, {5, -1}, {-1, -1}}
  };

  @Test
  void zeroes_the_steps_whose_every_feature_is_the_mask_value_and_masks_them() {
    Masking masking = new Masking(MaskingConfig.builder().maskValue(-1).build());
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TFloat32> x = tf.constant(X);
      float[][][] y = StdArrays.array3dCopyOf((TFloat32) masking.apply(tf, x).asTensor());
      assertArrayEquals(X[0], y[0]);
      assertArrayEquals(new float[][] {{0, 0}, {-1, 4}, {5, -1}, {0, 0}}, y[1]);
      Operand<TBool> mask =
          masking.computeMask(tf, List.of(x), Collections.singletonList(null), 1).get(0);
      boolean[][] m = StdArrays.array2dCopyOf((TBool) mask.asTensor());
      assertArrayEquals(new boolean[] {true, true, true, true}, m[0]);
      assertArrayEquals(new boolean[] {false, true, true, false}, m[1]);
    }
  }

  @Test
  void its_mask_replaces_the_incoming_one() {
    Masking masking = new Masking(MaskingConfig.builder().build());
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TFloat32> x = tf.constant(X);
      Operand<TBool> allFalse = tf.constant(new boolean[2][4]);
      Operand<TBool> mask = masking.computeMask(tf, List.of(x), List.of(allFalse), 1).get(0);
      assertArrayEquals(
          new boolean[] {true, true, true, true},
          StdArrays.array2dCopyOf((TBool) mask.asTensor())[0]);
    }
  }

  @Test
  void an_lstm_behind_it_ends_at_the_last_unmasked_step() {
    LSTMConfig config =
        LSTMConfig.builder(3)
            .kernelInitializer(RandomUniform.builder().seed(1L).minval(-0.5).maxval(0.5).build())
            .recurrentInitializer(RandomUniform.builder().seed(2L).minval(-0.5).maxval(0.5).build())
            .build();
    float[][][] padded = {{{0.5f, 1f}, {1f, -0.5f}, {0f, 0f}, {0f, 0f}}};
    float[][][] trimmed = {{{0.5f, 1f}, {1f, -0.5f}}};
    float[][] fromPadded = predict(config, padded, true);
    float[][] fromTrimmed = predict(config, trimmed, false);
    for (int i = 0; i < 3; i++) assertEquals(fromTrimmed[0][i], fromPadded[0][i], 1e-6);
    // Without the mask the padding steps change the result.
    float[][] unmasked = predict(config, padded, false);
    assertEquals(true, Math.abs(unmasked[0][0] - fromTrimmed[0][0]) > 1e-4);
  }

  private static float[][] predict(LSTMConfig config, float[][][] x, boolean masking) {
    List<io.keras4j.layers.Layer> layers =
        masking
            ? List.of(new Masking(MaskingConfig.builder().build()), new LSTM(config))
            : List.of(new LSTM(config));
    TensorSpec input = new TensorSpec(Shape.of(-1, x[0].length, 2), TFloat32.class);
    try (Sequential model = new Sequential(LayerArgs.defaults(), layers, input);
        TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        Result r = model.predict(in)) {
      return StdArrays.array2dCopyOf((TFloat32) r.get(0));
    }
  }

  @Test
  void output_shape_is_the_input_shape() {
    LayerTestKit.assertOutputSpecMatchesGraph(
        new Masking(MaskingConfig.builder().build()), LayerTestKit.spec(TFloat32.class, 4, 2));
  }

  @Test
  void config_round_trips_through_json_and_the_registry() {
    LayerTestKit.assertConfigRoundTrip(
        new Masking(MaskingConfig.builder().maskValue(-2.5).build(), LayerArgs.named("m")));
    assertEquals(0.0, MaskingConfig.builder().build().maskValue());
    CallContext.inference();
  }

  // Random inputs: no time step equals the mask value, where the output jumps and has no gradient.
  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 4, 3)) {
      assertGradientsMatchFiniteDifferences(
          new Masking(MaskingConfig.builder().build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 4, 3)) {
      assertTrainingStepLowersLoss(new Masking(MaskingConfig.builder().build()), x);
    }
  }
}

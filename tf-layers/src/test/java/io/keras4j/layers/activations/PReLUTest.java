package io.keras4j.layers.activations;

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

import io.keras4j.initializers.RandomUniform;
import io.keras4j.initializers.Zeros;
import io.keras4j.serialization.KerasJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class PReLUTest {

  @Test
  void alphaIsShapedAsTheInputWithoutBatch() {
    PReLU prelu = new PReLU(PReLUConfig.builder().build());
    assertOutputSpecMatchesGraph(prelu, spec(TFloat32.class, 4, 5));
    assertWeights(prelu, "alpha(4, 5)");
  }

  @Test
  void sharedAxesHaveSizeOne() {
    PReLU prelu = new PReLU(PReLUConfig.builder().sharedAxes(1, 2).build());
    assertOutputSpecMatchesGraph(prelu, spec(TFloat32.class, 10, 5, 3));
    assertWeights(prelu, "alpha(1, 1, 3)");
  }

  @Test
  void sharedAxesMayBeUnknownOthersMustBeKnown() {
    PReLU shared = new PReLU(PReLUConfig.builder().sharedAxes(1).build());
    assertOutputSpecMatchesGraph(shared, spec(TFloat32.class, -1, 5));
    assertWeights(shared, "alpha(1, 5)");
    PReLU unshared = new PReLU(PReLUConfig.builder().build());
    assertThrows(
        IllegalArgumentException.class,
        () -> assertOutputSpecMatchesGraph(unshared, spec(TFloat32.class, -1, 5)));
  }

  @Test
  void sharedAxesOutOfRangeAreRefused() {
    PReLU prelu = new PReLU(PReLUConfig.builder().sharedAxes(3).build());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> assertOutputSpecMatchesGraph(prelu, spec(TFloat32.class, 4, 5)));
    assertTrue(e.getMessage().contains("shared_axes"), e.getMessage());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new PReLU(PReLUConfig.builder().sharedAxes(1, 2).build()));
    assertConfigRoundTrip(new PReLU(PReLUConfig.builder().build()));
  }

  @Test
  void aSingleSharedAxisIsReadAsAList() throws Exception {
    PReLUConfig c =
        KerasJson.mapper().readerFor(PReLUConfig.class).readValue("{\"shared_axes\": 1}");
    assertEquals(List.of(1), c.sharedAxes());
    assertEquals(new Zeros(), c.alphaInitializer(), "Keras' default initializer");
  }

  @Test
  void zeroSlopeIsRelu() {
    float[][] x = ReLUTest.randomMatrix(4, 6, 2);
    float[][] y = run(new PReLU(PReLUConfig.builder().build()), x);
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) assertEquals(Math.max(x[i][j], 0f), y[i][j]);
    }
  }

  @Test
  void unitSlopeIsTheIdentity() {
    float[][] x = ReLUTest.randomMatrix(4, 6, 3);
    PReLU prelu =
        new PReLU(PReLUConfig.builder().alphaInitializer(new RandomUniform(0L, 1.0, 1.0)).build());
    float[][] y = run(prelu, x);
    for (int i = 0; i < x.length; i++) assertArrayEquals(x[i], y[i]);
  }

  @Test
  void isDifferentiable() {
    GradientCheck.assertDifferentiable(
        new PReLU(PReLUConfig.builder().sharedAxes(1).build()), Shape.of(2, 3, 4));
  }

  private static float[][] run(PReLU prelu, float[][] x) {
    try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        Result r = predict(prelu, in)) {
      assertEquals(Shape.of(x.length, x[0].length), r.get(0).shape());
      return StdArrays.array2dCopyOf((TFloat32) r.get(0));
    }
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("PReLU");
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(
          new PReLU(PReLUConfig.builder().sharedAxes(1).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4)) {
      assertTrainingStepLowersLoss(new PReLU(PReLUConfig.builder().sharedAxes(1).build()), x);
    }
  }
}

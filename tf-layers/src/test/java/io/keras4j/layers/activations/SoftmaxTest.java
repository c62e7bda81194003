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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.CallContext;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class SoftmaxTest {

  @Test
  void everyAxisFormIsDifferentiable() {
    GradientCheck.assertDifferentiable(new Softmax(SoftmaxConfig.defaults()), Shape.of(2, 3, 4));
    GradientCheck.assertDifferentiable(new Softmax(SoftmaxConfig.of(1)), Shape.of(2, 3, 4));
    GradientCheck.assertDifferentiable(
        new Softmax(SoftmaxConfig.of(List.of(1, 2))), Shape.of(2, 3, 4));
  }

  private static final float TOLERANCE = 1e-5f;

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    Softmax softmax = new Softmax(SoftmaxConfig.defaults());
    assertOutputSpecMatchesGraph(softmax, spec(TFloat32.class, 5));
    assertOutputSpecMatchesGraph(new Softmax(SoftmaxConfig.of(1)), spec(TFloat32.class, 4, 3));
    assertOutputSpecMatchesGraph(
        new Softmax(SoftmaxConfig.of(List.of(1, 2))), spec(TFloat32.class, 4, 3));
    assertWeights(softmax);
    assertTrue(softmax.supportsMasking());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Softmax(SoftmaxConfig.of(1)));
    assertConfigRoundTrip(new Softmax(SoftmaxConfig.of(List.of(-2, -1))));
    assertConfigRoundTrip(new Softmax(new SoftmaxConfig(SoftmaxConfig.Axis.all())));
  }

  @Test
  void axisIsWrittenAsKerasWroteIt() throws Exception {
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    for (String axis : List.of("1", "-1", "[1]", "[1,2]", "null")) {
      Softmax softmax =
          (Softmax)
              serializer.deserialize(
                  KerasJson.mapper()
                      .readTree(
                          "{\"class_name\": \"Softmax\", \"config\": {\"name\": \"s\", \"axis\": "
                              + axis
                              + "}}"));
      assertEquals(axis, serializer.serialize(softmax).get("config").get("axis").toString());
    }
    assertEquals(
        SoftmaxConfig.defaults(),
        KerasJson.mapper().readerFor(SoftmaxConfig.class).readValue("{}"),
        "Keras' default axis is -1");
  }

  @Test
  void lastAxisSumsToOne() {
    float[][] x = ReLUTest.scaled(ReLUTest.randomMatrix(4, 6, 21), 5f);
    try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        Result r = predict(new Softmax(SoftmaxConfig.defaults()), in)) {
      float[][] y = StdArrays.array2dCopyOf((TFloat32) r.get(0));
      for (float[] row : y) {
        float sum = 0f;
        for (float v : row) {
          assertTrue(v > 0f && v < 1f, "probability " + v);
          sum += v;
        }
        assertEquals(1f, sum, TOLERANCE);
      }
    }
  }

  @Test
  void otherAxesSumToOne() {
    float[][][] x = new float[2][4][3];
    for (int b = 0; b < 2; b++) x[b] = ReLUTest.randomMatrix(4, 3, 30 + b);
    try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        Result overRows = predict(new Softmax(SoftmaxConfig.of(1)), in);
        Result overBoth = predict(new Softmax(SoftmaxConfig.of(List.of(1, 2))), in)) {
      float[][][] y = StdArrays.array3dCopyOf((TFloat32) overRows.get(0));
      float[][][] z = StdArrays.array3dCopyOf((TFloat32) overBoth.get(0));
      for (int b = 0; b < 2; b++) {
        float both = 0f;
        for (int c = 0; c < 3; c++) {
          float column = 0f;
          for (int t = 0; t < 4; t++) {
            column += y[b][t][c];
            both += z[b][t][c];
          }
          assertEquals(1f, column, TOLERANCE, "softmax over axis 1");
        }
        assertEquals(1f, both, TOLERANCE, "softmax over axes 1 and 2");
      }
    }
  }

  @Test
  void maskedEntriesAreZeroAndTheRestSumToOne() {
    float[][] x = ReLUTest.randomMatrix(2, 5, 40);
    boolean[][] keep = {{true, false, true, true, false}, {false, false, true, false, false}};
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Softmax softmax = new Softmax(SoftmaxConfig.defaults());
      Operand<?> y =
          softmax
              .apply(
                  tf,
                  List.of(tf.constant(x)),
                  CallContext.inference().withMasks(List.of(tf.constant(keep))))
              .get(0);
      assertMaskedSoftmax(StdArrays.array2dCopyOf((TFloat32) y.asTensor()), keep);
    }
  }

  @Test
  void aMaskArgumentMayBeFloat() {
    float[][] x = ReLUTest.randomMatrix(2, 5, 41);
    float[][] keep = {{1f, 0f, 1f, 1f, 0f}, {0f, 0f, 1f, 0f, 0f}};
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Softmax softmax = new Softmax(SoftmaxConfig.defaults());
      CallContext ctx = CallContext.inference().withArguments(Map.of(), Map.of("mask", 1));
      Operand<?> y = softmax.apply(tf, List.of(tf.constant(x), tf.constant(keep)), ctx).get(0);
      boolean[][] asBool = new boolean[2][5];
      for (int i = 0; i < 2; i++) for (int j = 0; j < 5; j++) asBool[i][j] = keep[i][j] > 0.5f;
      assertMaskedSoftmax(StdArrays.array2dCopyOf((TFloat32) y.asTensor()), asBool);
    }
  }

  @Test
  void aMaskThatDoesNotBroadcastIsRefused() {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Softmax softmax = new Softmax(SoftmaxConfig.defaults());
      CallContext ctx =
          CallContext.inference().withMasks(List.of(tf.constant(new boolean[][] {{true, false}})));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> softmax.apply(tf, List.of(tf.constant(new float[][] {{1f, 2f, 3f}})), ctx));
      assertTrue(e.getMessage().contains("broadcastable"), e.getMessage());
    }
  }

  private static void assertMaskedSoftmax(float[][] y, boolean[][] keep) {
    for (int i = 0; i < y.length; i++) {
      float sum = 0f;
      for (int j = 0; j < y[i].length; j++) {
        if (keep[i][j]) {
          assertTrue(y[i][j] > 0f, "kept entry " + y[i][j]);
          sum += y[i][j];
        } else {
          assertEquals(0f, y[i][j], "masked entry");
        }
      }
      assertEquals(1f, sum, TOLERANCE, "kept entries of row " + i);
    }
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("Softmax");
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(new Softmax(SoftmaxConfig.defaults(), FLOAT64), x);
    }
    try (TFloat64 x = gaussian(TFloat64.class, 3, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(
          new Softmax(SoftmaxConfig.of(List.of(1, 2)), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4)) {
      assertTrainingStepLowersLoss(new Softmax(SoftmaxConfig.defaults()), x);
    }
  }
}

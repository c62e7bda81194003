package io.keras4j.layers.preprocessing;

import static io.keras4j.layers.preprocessing.PreprocessingChecks.assertReadsAndWritesBack;
import static io.keras4j.layers.preprocessing.PreprocessingChecks.output;
import static io.keras4j.layers.preprocessing.PreprocessingChecks.random;
import static io.keras4j.layers.preprocessing.PreprocessingChecks.tensor;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.core.Input;
import io.keras4j.layers.normalization.Axes;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

class NormalizationTest {

  private static NormalizationConfig.Builder given(double[] mean, double[] variance) {
    return NormalizationConfig.builder()
        .mean(ConstantArray.vector(mean))
        .variance(ConstantArray.vector(variance));
  }

  @Test
  void givenStatisticsNeedNoWeights() {
    Normalization norm =
        new Normalization(given(new double[] {0.5, -1, 2}, new double[] {4, 0.25, 1}).build());
    assertOutputSpecMatchesGraph(norm, spec(TFloat32.class, 5, 3));
    assertWeights(norm);
  }

  @Test
  void adaptedStatisticsAreMeanVarianceAndCountWeights() {
    Normalization perFeature = new Normalization(NormalizationConfig.builder().build());
    assertOutputSpecMatchesGraph(perFeature, spec(TFloat32.class, 5, 3));
    assertWeights(perFeature, "mean(3,)", "variance(3,)", "count()");
    assertEquals(TInt64.class, perFeature.count().dtype());
    assertFalse(perFeature.mean().trainable());

    Normalization twoAxes = new Normalization(NormalizationConfig.builder().axis(1, 2).build());
    assertOutputSpecMatchesGraph(twoAxes, spec(TFloat32.class, 5, 3));
    assertWeights(twoAxes, "mean(5, 3)", "variance(5, 3)", "count()");

    Normalization global =
        new Normalization(NormalizationConfig.builder().axis((Axes) null).build());
    assertOutputSpecMatchesGraph(global, spec(TFloat32.class, 5, 3));
    assertWeights(global, "mean()", "variance()", "count()");
  }

  @Test
  void theDataItsStatisticsCameFromComesOutStandardized() {
    long[] shape = {40, 3};
    float[] in = random(1, 3.0, 2.0, shape);
    double[] mean = new double[3];
    double[] variance = new double[3];
    for (int i = 0; i < in.length; i++) mean[i % 3] += in[i] / 40.0;
    for (int i = 0; i < in.length; i++) {
      variance[i % 3] += (in[i] - mean[i % 3]) * (in[i] - mean[i % 3]) / 40.0;
    }
    try (TFloat32 x = tensor(in, shape);
        Result r = predict(new Normalization(given(mean, variance).build()), x)) {
      float[] y = output(r);
      double[] m = new double[3];
      double[] v = new double[3];
      for (int i = 0; i < y.length; i++) m[i % 3] += y[i] / 40.0;
      for (int i = 0; i < y.length; i++) v[i % 3] += (y[i] - m[i % 3]) * (y[i] - m[i % 3]) / 40.0;
      for (int c = 0; c < 3; c++) {
        assertEquals(0.0, m[c], 1e-5, "mean of feature " + c);
        assertEquals(1.0, v[c], 1e-4, "variance of feature " + c);
      }
    }
  }

  @Test
  void invertUndoesTheNormalization() {
    double[] mean = {0.5, -1, 2};
    double[] variance = {4, 0.25, 1e-20};
    long[] shape = {2, 5, 3};
    float[] in = random(2, 0.0, 3.0, shape);
    try (TFloat32 x = tensor(in, shape);
        Result normalized = predict(new Normalization(given(mean, variance).build()), x);
        Result back =
            predict(
                new Normalization(given(mean, variance).invert(true).build()), normalized.get(0))) {
      assertArrayEquals(in, output(back), 1e-5f);
    }
  }

  @Test
  void scalarStatisticsApplyToEveryFeature() {
    Normalization norm =
        new Normalization(
            NormalizationConfig.builder()
                .mean(ConstantArray.scalar(2))
                .variance(ConstantArray.scalar(4))
                .build());
    try (TFloat32 x = tensor(new float[] {2, 4, 0, 6}, 2, 2);
        Result r = predict(norm, x)) {
      float[] y = output(r);
      assertEquals(y[0] + 1, y[1], 1e-6);
      assertEquals(-y[1], y[2], 1e-6);
      assertEquals(2 * y[1], y[3], 1e-6);
    }
  }

  @Test
  void integerInputsComeOutAsFloats() {
    Normalization norm = new Normalization(given(new double[] {1}, new double[] {1}).build());
    assertEquals(
        TFloat32.class, assertOutputSpecMatchesGraph(norm, spec(TInt32.class, 1)).get(0).dtype());
  }

  @Test
  void badStatisticsAreRefusedInKerasWords() {
    IllegalArgumentException onlyMean =
        assertThrows(
            IllegalArgumentException.class,
            () -> NormalizationConfig.builder().mean(ConstantArray.scalar(1)).build());
    assertTrue(onlyMean.getMessage().contains("both `mean` and `variance` must be set"));
    assertThrows(
        IllegalArgumentException.class,
        () -> given(new double[] {1, 2}, new double[] {1, 2, 3}).build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            NormalizationConfig.builder()
                .mean(ConstantArray.fromJson(json("[[1, 2], [3, 4]]")))
                .variance(ConstantArray.fromJson(json("[[1, 2], [3, 4]]")))
                .build());
    Normalization unknownAxis = new Normalization(NormalizationConfig.builder().axis(1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> assertOutputSpecMatchesGraph(unknownAxis, spec(TFloat32.class, -1, 3)));
  }

  @Test
  void axisIsAlwaysWrittenAsAListAndAMissingMeanAsNull() {
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    ObjectNode json =
        serializer.serialize(new Normalization(NormalizationConfig.builder().build()));
    ObjectNode config = (ObjectNode) json.get("config");
    assertEquals("[-1]", config.get("axis").toString());
    assertTrue(config.get("mean").isNull());
    config.put("axis", 2);
    assertEquals(
        "[2]",
        serializer.serialize(serializer.deserialize(json)).get("config").get("axis").toString());
    config.putNull("axis");
    assertEquals(
        "[]",
        serializer.serialize(serializer.deserialize(json)).get("config").get("axis").toString());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(
        new Normalization(given(new double[] {1, 2}, new double[] {3, 4}).invert(true).build()));
    assertConfigRoundTrip(new Normalization(NormalizationConfig.builder().axis(1, 2).build()));
  }

  @Test
  void readsAndWritesWhatKerasWrote() throws Exception {
    assertReadsAndWritesBack(
        json(
            """
            {"module": "keras.layers", "class_name": "Normalization",
             "config": {"name": "normalization", "trainable": true,
                        "dtype": {"module": "keras", "class_name": "DTypePolicy",
                                  "config": {"name": "float32"}, "registered_name": null},
                        "axis": [-1], "invert": false,
                        "mean": [0.5, -1.0, 2.0], "variance": [4.0, 0.25, 1.0]},
             "registered_name": null}
            """));
  }

  private static JsonNode json(String text) {
    try {
      return io.keras4j.serialization.KerasJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void javadocExample() {
    Normalization norm =
        new Normalization(
            NormalizationConfig.builder()
                .mean(ConstantArray.vector(0.5, -1, 2))
                .variance(ConstantArray.vector(4, 0.25, 1))
                .build());
    KerasTensor y = norm.apply(Input.of(5, 3)); // (None, 5, 3)
    assertEquals("(None, 5, 3)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(
          new Normalization(NormalizationConfig.builder().build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4)) {
      assertTrainingStepLowersLoss(new Normalization(NormalizationConfig.builder().build()), x);
    }
  }
}

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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.core.Input;
import io.keras4j.serialization.KerasJson;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

class RescalingTest {

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    Rescaling rescaling = new Rescaling(RescalingConfig.builder(0.5).build());
    assertOutputSpecMatchesGraph(rescaling, spec(TFloat32.class, 4, 4, 3));
    assertWeights(rescaling);
  }

  @Test
  void rescalingBySThenByOneOverSIsTheIdentity() {
    double s = 1 / 127.5;
    Rescaling there = new Rescaling(RescalingConfig.builder(s).offset(-1).build());
    Rescaling back = new Rescaling(RescalingConfig.builder(1 / s).offset(1 / s).build());
    long[] shape = {2, 3, 3, 3};
    float[] in = random(1, 120, 60, shape);
    try (TFloat32 x = tensor(in, shape);
        Result mid = predict(there, x);
        Result r = predict(back, mid.get(0))) {
      assertArrayEquals(in, output(r), 1e-3f);
    }
  }

  @Test
  void perChannelScalesAndOffsetsInvertLikewise() {
    Rescaling there =
        new Rescaling(
            RescalingConfig.builder(1)
                .scale(ConstantArray.vector(2, 0.5, -4))
                .offset(ConstantArray.vector(1, 2, 3))
                .build());
    Rescaling back =
        new Rescaling(
            RescalingConfig.builder(1)
                .scale(ConstantArray.vector(0.5, 2, -0.25))
                .offset(ConstantArray.vector(-0.5, -4, 0.75))
                .build());
    long[] shape = {2, 4, 3};
    float[] in = random(2, 0, 3, shape);
    try (TFloat32 x = tensor(in, shape);
        Result mid = predict(there, x);
        Result r = predict(back, mid.get(0))) {
      assertArrayEquals(in, output(r), 1e-5f);
    }
  }

  @Test
  void integerImagesComeOutAsFloats() {
    Rescaling rescaling = new Rescaling(RescalingConfig.builder(1 / 255.0).build());
    assertEquals(
        TFloat32.class,
        assertOutputSpecMatchesGraph(rescaling, spec(TUint8.class, 2, 2, 1)).get(0).dtype());
    int[] pixels = {0, 51, 102, 255};
    try (TInt32 x = TInt32.tensorOf(Shape.of(1, 2, 2, 1), DataBuffers.of(pixels, true, false));
        Result r = predict(new Rescaling(RescalingConfig.builder(1 / 255.0).build()), x)) {
      assertInstanceOf(TFloat32.class, r.get(0));
      float[] y = output(r);
      for (int i = 0; i < 4; i++) assertEquals(pixels[i] / 255.0, y[i], 1e-6);
    }
  }

  @Test
  void scaleIsRequired() {
    assertThrows(IllegalArgumentException.class, () -> new RescalingConfig.Builder().build());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Rescaling(RescalingConfig.builder(0.25).offset(-3).build()));
    assertConfigRoundTrip(
        new Rescaling(RescalingConfig.builder(1).scale(ConstantArray.vector(1, 2, 3)).build()));
  }

  @Test
  void readsAndWritesWhatKerasWrote() {
    assertReadsAndWritesBack(PreprocessingChecks.kerasSerialized("Rescaling"));
  }

  @Test
  void listsAndNumpyArraysAreWrittenBackAsKerasWroteThem() throws Exception {
    String json =
        """
        {"module": "keras.layers", "class_name": "Rescaling",
         "config": {"name": "r", "trainable": true,
                    "dtype": {"module": "keras", "class_name": "DTypePolicy",
                              "config": {"name": "float32"}, "registered_name": null},
                    "scale": {"class_name": "__numpy__",
                              "config": {"value": [[0.5, 2.0, 4.0]], "dtype": "float32"}},
                    "offset": [1, 2, 3]},
         "registered_name": null}
        """;
    Rescaling layer = (Rescaling) assertReadsAndWritesBack(KerasJson.mapper().readTree(json));
    assertEquals(ConstantArray.Encoding.NUMPY, layer.getConfig().scale().encoding());
    assertEquals(Shape.of(1, 3), layer.getConfig().scale().shape());
    assertEquals(Shape.of(3), layer.getConfig().offset().shape());
  }

  @Test
  void javadocExample() {
    Rescaling rescaling = new Rescaling(RescalingConfig.builder(1 / 127.5).offset(-1).build());
    KerasTensor y = rescaling.apply(Input.of(4, 4, 3)); // (None, 4, 4, 3)
    assertEquals("(None, 4, 4, 3)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(
          new Rescaling(RescalingConfig.builder(0.5).offset(-1).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4)) {
      assertTrainingStepLowersLoss(
          new Rescaling(RescalingConfig.builder(0.5).offset(-1).build()), x);
    }
  }
}

package io.keras4j.layers.preprocessing;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Input;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TUint8;

class ResizingTest {

  private static Resizing resizing(int height, int width, String interpolation) {
    return new Resizing(ResizingConfig.builder(height, width).interpolation(interpolation).build());
  }

  @Test
  void outputSpecMatchesGraph() {
    assertOutputSpecMatchesGraph(resizing(8, 6, "bilinear"), spec(TFloat32.class, 5, 7, 3));
    assertOutputSpecMatchesGraph(
        resizing(8, 6, "area"), new TensorSpec(Shape.of(5, 7, 3), TFloat32.class));
    assertOutputSpecMatchesGraph(
        new Resizing(ResizingConfig.builder(4, 6).dataFormat("channels_first").build()),
        spec(TFloat32.class, 3, 5, 7));
    assertOutputSpecMatchesGraph(
        new Resizing(ResizingConfig.builder(4, 4).cropToAspectRatio(true).build()),
        spec(TFloat32.class, -1, -1, 3));
    assertOutputSpecMatchesGraph(
        new Resizing(ResizingConfig.builder(4, 4).padToAspectRatio(true).build()),
        spec(TFloat32.class, 5, 7, 3));
    assertWeights(resizing(8, 6, "bilinear"));
  }

  @Test
  void resizingToTheSameSizeIsTheIdentity() {
    long[] shape = {2, 5, 7, 3};
    float[] in = random(1, 0, 1, shape);
    for (String interpolation : new String[] {"bilinear", "nearest", "bicubic", "area"}) {
      try (TFloat32 x = tensor(in, shape);
          Result r = predict(resizing(5, 7, interpolation), x)) {
        assertArrayEquals(in, output(r), 1e-5f, interpolation);
      }
    }
  }

  @Test
  void aConstantImageStaysConstant() {
    long[] shape = {1, 5, 7, 2};
    float[] in = new float[70];
    Arrays.fill(in, 3.25f);
    for (String interpolation : Images.INTERPOLATIONS) {
      for (boolean antialias : new boolean[] {false, true}) {
        Resizing layer =
            new Resizing(
                ResizingConfig.builder(9, 4)
                    .interpolation(interpolation)
                    .antialias(antialias)
                    .build());
        try (TFloat32 x = tensor(in, shape);
            Result r = predict(layer, x)) {
          float[] y = output(r);
          assertEquals(72, y.length);
          for (float v : y) assertEquals(3.25f, v, 1e-4f, interpolation + " " + antialias);
        }
      }
    }
  }

  @Test
  void integerImagesStayIntegerAndInRange() {
    byte[] pixels = new byte[16];
    for (int i = 0; i < 16; i++) pixels[i] = (byte) (((i + i / 4) % 2 == 0) ? 0 : 255);
    try (TUint8 x = TUint8.tensorOf(Shape.of(1, 4, 4, 1), DataBuffers.of(pixels, true, false));
        Result r = predict(resizing(7, 7, "bicubic"), x)) {
      assertInstanceOf(TUint8.class, r.get(0));
      assertEquals(Shape.of(1, 7, 7, 1), r.get(0).shape());
      byte[] y = new byte[49];
      ((TUint8) r.get(0)).copyTo(DataBuffers.of(y, false, false));
      boolean dark = false;
      boolean bright = false;
      for (byte b : y) {
        dark |= (b & 0xff) < 40;
        bright |= (b & 0xff) > 215;
      }
      assertTrue(dark && bright, "bicubic overshoot is clipped, not wrapped around");
    }
  }

  @Test
  void cropToAspectRatioKeepsTheCentralWindow() {
    long[] shape = {1, 4, 8, 1};
    float[] in = random(2, 0, 1, shape);
    try (TFloat32 x = tensor(in, shape);
        Result r =
            predict(
                new Resizing(
                    ResizingConfig.builder(4, 4)
                        .interpolation("nearest")
                        .cropToAspectRatio(true)
                        .build()),
                x)) {
      float[] y = output(r);
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) assertEquals(in[i * 8 + j + 2], y[i * 4 + j]);
      }
    }
  }

  @Test
  void padToAspectRatioFillsBothSides() {
    long[] shape = {1, 4, 2, 1};
    float[] in = random(3, 0, 1, shape);
    try (TFloat32 x = tensor(in, shape);
        Result r =
            predict(
                new Resizing(
                    ResizingConfig.builder(4, 4)
                        .interpolation("nearest")
                        .padToAspectRatio(true)
                        .fillValue(7)
                        .build()),
                x)) {
      float[] y = output(r);
      for (int i = 0; i < 4; i++) {
        assertEquals(7f, y[i * 4]);
        assertEquals(in[i * 2], y[i * 4 + 1]);
        assertEquals(in[i * 2 + 1], y[i * 4 + 2]);
        assertEquals(7f, y[i * 4 + 3]);
      }
    }
  }

  @Test
  void channelsFirstResizesTheLastTwoAxes() {
    long[] shape = {1, 2, 3, 5};
    float[] in = random(4, 0, 1, shape);
    try (TFloat32 x = tensor(in, shape);
        Result r =
            predict(
                new Resizing(ResizingConfig.builder(3, 5).dataFormat("channels_first").build()),
                x)) {
      assertArrayEquals(in, output(r), 1e-6f);
    }
  }

  @Test
  void settingsKerasRefusesAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ResizingConfig.builder(4, 4).cropToAspectRatio(true).padToAspectRatio(true).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ResizingConfig.builder(4, 4).interpolation("mitchellcubic").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ResizingConfig.builder(4, 4).fillMode("reflect").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ResizingConfig.builder(4, 4).dataFormat("channels_middle").build());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(
        new Resizing(
            ResizingConfig.builder(16, 8)
                .interpolation("lanczos3")
                .padToAspectRatio(true)
                .fillValue(0.5)
                .antialias(true)
                .dataFormat("channels_first")
                .build()));
    assertEquals(
        "channels_last", ResizingConfig.builder(2, 2).dataFormat(null).build().dataFormat());
  }

  @Test
  void javadocExample() {
    Resizing resizing = new Resizing(ResizingConfig.builder(8, 6).cropToAspectRatio(true).build());
    KerasTensor y = resizing.apply(Input.of(5, 7, 3)); // (None, 8, 6, 3)
    assertEquals("(None, 8, 6, 3)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4, 2)) {
      assertGradientsMatchFiniteDifferences(
          new Resizing(ResizingConfig.builder(5, 3).interpolation("nearest").build(), FLOAT64), x);
    }
  }

  // TensorFlow's resize kernels other than nearest compute in float32 whatever the input type, so
  // float32 and its tolerance.
  @ParameterizedTest
  @ValueSource(strings = {"bilinear", "bicubic", "area", "lanczos3", "lanczos5"})
  void interpolatedGradientsMatchFiniteDifferences(String interpolation) {
    try (TFloat32 x = gaussian(TFloat32.class, 1, 2, 3, 4, 2)) {
      assertGradientsMatchFiniteDifferences(
          new Resizing(ResizingConfig.builder(5, 3).interpolation(interpolation).build()), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4, 2)) {
      assertTrainingStepLowersLoss(new Resizing(ResizingConfig.builder(5, 3).build()), x);
    }
  }
}

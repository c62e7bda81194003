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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Input;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

class CenterCropTest {

  private static CenterCrop crop(int height, int width) {
    return new CenterCrop(CenterCropConfig.builder(height, width).build());
  }

  @Test
  void outputSpecMatchesGraph() {
    assertOutputSpecMatchesGraph(crop(4, 4), spec(TFloat32.class, 6, 7, 3));
    assertOutputSpecMatchesGraph(crop(8, 8), spec(TFloat32.class, 6, 7, 3));
    assertOutputSpecMatchesGraph(crop(4, 4), spec(TFloat32.class, -1, -1, 3));
    assertOutputSpecMatchesGraph(crop(2, 3), new TensorSpec(Shape.of(6, 7, 3), TFloat32.class));
    assertOutputSpecMatchesGraph(
        new CenterCrop(CenterCropConfig.builder(4, 4).dataFormat("channels_first").build()),
        spec(TFloat32.class, 3, 6, 7));
    assertWeights(crop(4, 4));
  }

  @Test
  void aLargerImageLosesEqualBordersRoundedDown() {
    long[] shape = {2, 6, 7, 1};
    float[] in = random(1, 0, 1, shape);
    try (TFloat32 x = tensor(in, shape);
        Result r = predict(crop(4, 4), x)) {
      float[] y = output(r);
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 4; i++) {
          for (int j = 0; j < 4; j++) {
            assertEquals(in[b * 42 + (i + 1) * 7 + (j + 1)], y[b * 16 + i * 4 + j]);
          }
        }
      }
    }
  }

  @Test
  void unknownSizesAreCroppedTheSameWay() {
    long[] shape = {1, 6, 7, 2};
    float[] in = random(2, 0, 1, shape);
    CenterCrop known = crop(3, 5);
    CenterCrop unknown = crop(3, 5);
    unknown.apply(io.keras4j.layers.core.Input.of(-1, -1, 2));
    try (TFloat32 x = tensor(in, shape);
        Result a = predict(known, x);
        Result b = predict(unknown, x)) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(output(a), output(b));
    }
  }

  @Test
  void aSmallerImageIsResizedToTheTarget() {
    float[] in = new float[2 * 3 * 2];
    Arrays.fill(in, 0.75f);
    try (TFloat32 x = tensor(in, 1, 2, 3, 2);
        Result r = predict(crop(4, 5), x)) {
      assertEquals(Shape.of(1, 4, 5, 2), r.get(0).shape());
      for (float v : output(r)) assertEquals(0.75f, v, 1e-6f);
    }
  }

  @Test
  void channelsFirstCropsTheLastTwoAxes() {
    long[] shape = {1, 2, 6, 7};
    float[] in = random(3, 0, 1, shape);
    CenterCrop layer =
        new CenterCrop(CenterCropConfig.builder(4, 4).dataFormat("channels_first").build());
    try (TFloat32 x = tensor(in, shape);
        Result r = predict(layer, x)) {
      float[] y = output(r);
      for (int c = 0; c < 2; c++) {
        for (int i = 0; i < 4; i++) {
          for (int j = 0; j < 4; j++) {
            assertEquals(in[c * 42 + (i + 1) * 7 + (j + 1)], y[c * 16 + i * 4 + j]);
          }
        }
      }
    }
  }

  @Test
  void integerImagesComeOutAsFloats() {
    int[] pixels = new int[36];
    Arrays.setAll(pixels, i -> i);
    try (TInt32 x = TInt32.tensorOf(Shape.of(1, 6, 6, 1), DataBuffers.of(pixels, true, false));
        Result r = predict(crop(2, 2), x)) {
      assertInstanceOf(TFloat32.class, r.get(0));
      float[] y = output(r);
      assertEquals(pixels[14], y[0]);
      assertEquals(pixels[21], y[3]);
    }
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(
        new CenterCrop(CenterCropConfig.builder(5, 3).dataFormat("channels_first").build()));
    assertEquals(
        "channels_last", CenterCropConfig.builder(2, 2).dataFormat(null).build().dataFormat());
  }

  @Test
  void javadocExample() {
    CenterCrop crop = new CenterCrop(CenterCropConfig.builder(4, 4).build());
    KerasTensor y = crop.apply(Input.of(6, 7, 3)); // (None, 4, 4, 3)
    assertEquals("(None, 4, 4, 3)", Shapes.toKeras(y.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 5, 4, 2)) {
      assertGradientsMatchFiniteDifferences(
          new CenterCrop(CenterCropConfig.builder(3, 2).build(), FLOAT64), x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 5, 4, 2)) {
      assertTrainingStepLowersLoss(new CenterCrop(CenterCropConfig.builder(3, 2).build()), x);
    }
  }
}

package io.keras4j.layers.regularization;

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

import io.keras4j.layers.CallContext;
import io.keras4j.serialization.KerasJson;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class SpatialDropout3DTest {

  @Test
  void hasNoWeightsAndKeepsTheShape() {
    SpatialDropout3D dropout = new SpatialDropout3D(SpatialDropout3DConfig.of(0.3));
    assertOutputSpecMatchesGraph(dropout, spec(TFloat32.class, 2, 4, 4, 3));
    SpatialDropout3D channelsFirst =
        new SpatialDropout3D(
            SpatialDropout3DConfig.builder(0.3).dataFormat("channels_first").build());
    assertOutputSpecMatchesGraph(channelsFirst, spec(TFloat32.class, 3, 2, 4, 4));
    assertWeights(dropout);
    assertTrue(dropout.supportsMasking());
  }

  @Test
  void needsARank5Input() {
    SpatialDropout3D dropout = new SpatialDropout3D(SpatialDropout3DConfig.of(0.3));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> assertOutputSpecMatchesGraph(dropout, spec(TFloat32.class, 5, 5)));
    assertTrue(e.getMessage().contains("expected ndim=5"), e.getMessage());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new SpatialDropout3D(SpatialDropout3DConfig.of(0.3)));
    assertConfigRoundTrip(
        new SpatialDropout3D(
            SpatialDropout3DConfig.builder(0.2).seed(1L).dataFormat("channels_first").build()));
  }

  @Test
  void dataFormatDefaultsToChannelsLastAndIsChecked() throws Exception {
    SpatialDropout3DConfig c =
        KerasJson.mapper()
            .readerFor(SpatialDropout3DConfig.class)
            .readValue("{\"rate\": 0.1, \"data_format\": null, \"noise_shape\": null}");
    assertEquals("channels_last", c.dataFormat());
    assertEquals(
        "channels_first",
        SpatialDropout3DConfig.builder(0.1).dataFormat("Channels_First").build().dataFormat());
    assertThrows(
        IllegalArgumentException.class,
        () -> SpatialDropout3DConfig.builder(0.1).dataFormat("nhwc").build());
  }

  @Test
  void identityAtInference() {
    float[] x = TrainingRuns.gaussian(2 * 24 * 6, 1);
    try (TFloat32 in = TFloat32.tensorOf(Shape.of(2, 2, 3, 4, 6), DataBuffers.of(x, true, false));
        Result r = predict(new SpatialDropout3D(SpatialDropout3DConfig.of(0.5)), in)) {
      assertArrayEquals(x, TrainingRuns.flat((TFloat32) r.get(0)));
    }
  }

  @Test
  void dropsWholeChannelsChannelsLast() {
    assertWholeChannels("channels_last", Shape.of(20, 2, 3, 4, 6), false);
  }

  @Test
  void dropsWholeChannelsChannelsFirst() {
    assertWholeChannels("channels_first", Shape.of(20, 6, 2, 3, 4), true);
  }

  @Test
  void trainingIsDifferentiable() {
    TrainingRuns.assertDifferentiable(
        new SpatialDropout3D(SpatialDropout3DConfig.of(0.5)), Shape.of(2, 2, 3, 4, 6));
  }

  private static void assertWholeChannels(String format, Shape shape, boolean channelsFirst) {
    float rate = 0.5f;
    float[] x = TrainingRuns.gaussian((int) shape.size(), 3);
    SpatialDropout3D dropout =
        new SpatialDropout3D(
            SpatialDropout3DConfig.builder(rate).seed(12L).dataFormat(format).build());
    float[] y = TrainingRuns.once(dropout, x, shape);
    int batch = (int) shape.get(0);
    int channels = 6;
    int spatial = 24;
    int dropped = 0;
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < channels; c++) {
        int zeros = 0;
        for (int s = 0; s < spatial; s++) {
          int i =
              channelsFirst ? (b * channels + c) * spatial + s : (b * spatial + s) * channels + c;
          if (y[i] == 0f) {
            zeros++;
          } else {
            assertEquals(x[i] / (1f - rate), y[i], 1e-6f * Math.abs(y[i]));
          }
        }
        assertTrue(zeros == 0 || zeros == spatial, "channel " + c + " of example " + b);
        if (zeros == spatial) dropped++;
      }
    }
    assertEquals(rate, (float) dropped / (batch * channels), 0.15f);
  }

  // Training mode with a seed: the kit evaluates each perturbation in a new session, where the
  // seeded draws repeat, so the noise is the same in every evaluation.
  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 2, 2, 2, 3)) {
      assertGradientsMatchFiniteDifferences(
          new SpatialDropout3D(SpatialDropout3DConfig.builder(0.5).seed(7L).build(), FLOAT64), x);
      assertGradientsMatchFiniteDifferences(
          new SpatialDropout3D(SpatialDropout3DConfig.builder(0.5).seed(7L).build(), FLOAT64),
          CallContext.inference(),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 2, 2, 2, 3)) {
      assertTrainingStepLowersLoss(
          new SpatialDropout3D(SpatialDropout3DConfig.builder(0.5).seed(7L).build()), x);
    }
  }
}

package io.keras4j.layers.preprocessing;

import static io.keras4j.layers.preprocessing.PreprocessingChecks.output;
import static io.keras4j.layers.preprocessing.PreprocessingChecks.random;
import static io.keras4j.layers.preprocessing.PreprocessingChecks.tensor;
import static io.keras4j.testing.LayerTestKit.predict;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.core.Input;
import io.keras4j.layers.normalization.Axes;
import io.keras4j.models.Functional;
import io.keras4j.models.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

class NormalizationAdaptTest {

  private static Normalization layer(int... axis) {
    NormalizationConfig.Builder b = NormalizationConfig.builder();
    if (axis.length > 0) b.axis(axis);
    return new Normalization(b.build());
  }

  /**
   * Keras' documented example: adapted to 1..5, the layer maps 1, 2, 3 to -sqrt(2), -1/sqrt(2), 0.
   */
  @Test
  void kerasDocumentedExample() {
    Normalization norm = layer();
    norm.adapt(new float[][] {{1}, {2}, {3}, {4}, {5}});
    try (TFloat32 x = tensor(new float[] {1, 2, 3}, 3, 1);
        Result r = predict(norm, x)) {
      assertArrayEquals(
          new float[] {(float) -Math.sqrt(2), (float) -Math.sqrt(0.5), 0}, output(r), 1e-6f);
    }
    // Keras builds the layer for the data's own shape, batch size included.
    assertEquals(List.of(Shape.of(5, 1)), norm.buildInputShapes());
  }

  @Test
  void statisticsAreTheMeanAndPopulationVariancePerKeptPosition() {
    long[] shape = {7, 4, 3};
    float[] data = random(3, 2.0, 3.0, shape);
    for (int[] axis : new int[][] {{-1}, {1}, {1, 2}, {}}) {
      Normalization norm =
          axis.length == 0
              ? new Normalization(NormalizationConfig.builder().axis((Axes) null).build())
              : layer(axis);
      try (TFloat32 t = tensor(data, shape)) {
        norm.adapt(t);
      }
      boolean[] kept = new boolean[3];
      for (int a : axis) kept[a < 0 ? a + 3 : a] = true;
      int positions = 1;
      for (int d = 0; d < 3; d++) if (kept[d]) positions *= (int) shape[d];
      double[] mean = new double[positions];
      double[] variance = new double[positions];
      int[] position = new int[data.length];
      for (int i = 0; i < data.length; i++) {
        int[] index = {i / 12, (i / 3) % 4, i % 3};
        int p = 0;
        for (int d = 0; d < 3; d++) if (kept[d]) p = p * (int) shape[d] + index[d];
        position[i] = p;
      }
      double per = (double) data.length / positions;
      for (int i = 0; i < data.length; i++) mean[position[i]] += data[i] / per;
      for (int i = 0; i < data.length; i++) {
        double d = data[i] - mean[position[i]];
        variance[position[i]] += d * d / per;
      }
      try (TFloat32 x = tensor(data, shape);
          Result r = predict(norm, x)) {
        float[] y = output(r);
        for (int i = 0; i < data.length; i++) {
          double expected =
              (data[i] - (float) mean[position[i]])
                  / Math.max(Math.sqrt((float) variance[position[i]]), 1e-7);
          assertEquals(expected, y[i], 2e-6 * (1 + Math.abs(expected)), "axis " + List.of(axis));
        }
      }
    }
  }

  @Test
  void batchesMergeToTheStatisticsOfTheWhole() {
    long[] shape = {10, 3};
    float[] data = random(5, -1.0, 4.0, shape);
    Normalization whole = layer();
    Normalization batched = layer();
    List<TFloat32> batches = new ArrayList<>();
    try (TFloat32 all = tensor(data, shape)) {
      whole.adapt(all);
      for (int[] range : new int[][] {{0, 4}, {4, 5}, {5, 10}}) {
        float[] part = new float[(range[1] - range[0]) * 3];
        System.arraycopy(data, range[0] * 3, part, 0, part.length);
        batches.add(tensor(part, range[1] - range[0], 3));
      }
      batched.adapt(batches);
      try (Result a = predict(whole, all);
          Result b = predict(batched, all)) {
        assertArrayEquals(output(a), output(b), 1e-6f);
      }
    } finally {
      batches.forEach(TFloat32::close);
    }
  }

  @Test
  void integerDataIsAccepted() {
    Normalization norm = layer();
    try (TInt32 data = TInt32.tensorOf(Shape.of(4, 1), DataBuffers.of(new int[] {0, 2, 4, 6}));
        TFloat32 x = tensor(new float[] {3}, 1, 1)) {
      norm.adapt(data);
      try (Result r = predict(norm, x)) {
        assertEquals(0f, output(r)[0], 1e-7f);
      }
    }
  }

  @Test
  void anAdaptedLayerServesInAModel() {
    Normalization norm = layer();
    norm.adapt(new float[][] {{0, 10}, {2, 30}, {4, 20}});
    KerasTensor x = Input.of(2);
    try (Model model = new Functional(LayerArgs.named("m"), x, norm.apply(x))) {
      float[][] y = model.predict(new float[][] {{2, 20}});
      assertArrayEquals(new float[] {0, 0}, y[0], 1e-7f);
      try (TInt64 count = model.readWeight(norm.count())) {
        assertEquals(0L, count.getLong(), "Keras leaves count at 0");
      }
      IllegalStateException late =
          assertThrows(IllegalStateException.class, () -> norm.adapt(new float[][] {{1, 1}}));
      assertTrue(late.getMessage().contains("before its model first runs"), late.getMessage());
    }
  }

  @Test
  void misuseIsRefused() {
    Normalization given =
        new Normalization(
            NormalizationConfig.builder()
                .mean(ConstantArray.scalar(0))
                .variance(ConstantArray.scalar(1))
                .build());
    assertThrows(IllegalStateException.class, () -> given.adapt(new float[][] {{1}}));

    Normalization norm = layer();
    norm.adapt(new float[][] {{1, 2, 3}});
    IllegalArgumentException shape =
        assertThrows(IllegalArgumentException.class, () -> norm.adapt(new float[][] {{1, 2}}));
    assertTrue(shape.getMessage().contains("incompatible shape"), shape.getMessage());
    assertThrows(IllegalArgumentException.class, () -> norm.adapt(List.<TFloat32>of()));
    try (TFloat32 empty = tensor(new float[0], 0, 3)) {
      assertThrows(IllegalArgumentException.class, () -> norm.adapt(empty));
    }
  }
}

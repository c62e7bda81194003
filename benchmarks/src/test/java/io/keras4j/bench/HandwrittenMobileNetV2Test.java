package io.keras4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The hand-written MobileNetV2 has the Keras model's weights and gives one probability row per
 * sample. The expected count is the {@code params} of {@code
 * integration-tests/src/test/resources/keras-fixtures/app_mobilenet_v2/case.json}, the count of the
 * weights in its {@code model.keras}.
 */
class HandwrittenMobileNetV2Test {

  @Test
  void hasTheKerasModelsWeightsAndPredictsProbabilities() {
    try (HandwrittenMobileNetV2 m = new HandwrittenMobileNetV2(2)) {
      assertEquals(423_018, m.parameterCount());
      assertEquals(423_018 * 4.0 / (1 << 20), m.weightsMb(), 1e-12);
      m.predict();
      float[][] p = m.predictProbabilities();
      assertEquals(2, p.length);
      for (float[] row : p) {
        assertEquals(10, row.length);
        double sum = 0;
        for (float v : row) sum += v;
        assertEquals(1.0, sum, 1e-5);
      }
    }
  }
}

package io.keras4j.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each benchmark model, in both implementations, builds and runs one prediction and one training
 * step at a small batch. Nothing is timed here: the figures come from {@code keras4j bench}.
 */
class BenchmarksSmokeTest {

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn", "lstm"})
  void bothImplementationsPredictAndTrain(String name) {
    BenchSpec spec = BenchSpec.of(name, 4);
    try (Data data = Data.of(spec, 1)) {
      for (boolean keras4j : new boolean[] {true, false}) {
        try (BenchModel m = keras4j ? Keras4jBench.of(spec, data) : Handwritten.of(spec, data)) {
          m.predict();
          m.trainStep();
          m.trainStep();
        }
      }
    }
    assertTrue(Measure.peakRssMb() > 0, "peak RSS is read from /proc/self/status");
  }
}

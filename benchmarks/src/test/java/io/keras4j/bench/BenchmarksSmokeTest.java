package io.keras4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each benchmark model, in both implementations, builds and runs one prediction and one training
 * step at a small batch, and the whole table runs for one iteration. Nothing is timed here: the
 * figures come from {@code keras4j bench}.
 */
class BenchmarksSmokeTest {

  private static final Pattern COMPARED =
      Pattern.compile("\\S+ \\S+ keras4j=[0-9.]+ handwritten=[0-9.]+ ratio=[0-9.]+");

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

  @Test
  void everyFigureOfTheTableIsPrinted() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Benchmarks.Options o =
        Benchmarks.parse(
            new String[] {
              "--iterations", "1", "--warmup", "0", "--predictions", "10", "--batch", "2"
            });
    assertEquals(0, Benchmarks.run(o, new PrintStream(buf, true, StandardCharsets.UTF_8)));
    List<String> lines = Arrays.asList(buf.toString(StandardCharsets.UTF_8).split("\n"));
    for (String model : List.of("mlp", "cnn", "lstm")) {
      for (String metric : List.of("predict_ms", "train_step_ms", "peak_rss_mb")) {
        assertCompared(lines, model, metric);
      }
    }
    for (String metric :
        List.of(
            "cold_load_to_first_prediction_ms",
            "warm_load_to_first_prediction_ms",
            "predict_ms",
            "peak_rss_mb")) {
      assertCompared(lines, "mobilenet_v2", metric);
    }
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("mlp rss_after_10_predictions_mb keras4j=")),
        String.join("\n", lines));
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.startsWith("mobilenet_v2 peak_rss_above_handwritten_mb keras4j=")),
        String.join("\n", lines));
  }

  @Test
  void xlaFiguresAreOptIn() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Benchmarks.Options o =
        Benchmarks.parse(
            new String[] {
              "--iterations", "1", "--warmup", "0", "--batch", "2", "--models", "lstm", "--xla"
            });
    assertTrue(o.xla());
    assertEquals(0, Benchmarks.run(o, new PrintStream(buf, true, StandardCharsets.UTF_8)));
    List<String> lines = Arrays.asList(buf.toString(StandardCharsets.UTF_8).split("\n"));
    assertCompared(lines, "lstm", "predict_ms_xla");
    assertCompared(lines, "lstm", "train_step_ms_xla");
    assertFalse(Benchmarks.parse(new String[0]).xla(), "XLA figures only with --xla");
  }

  private static void assertCompared(List<String> lines, String model, String metric) {
    String prefix = model + " " + metric + " ";
    String line =
        lines.stream()
            .filter(l -> l.startsWith(prefix))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + prefix + "line in\n" + lines));
    assertTrue(COMPARED.matcher(line).matches(), line);
  }
}

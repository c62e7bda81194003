package io.keras4j.io.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.models.Model;
import io.keras4j.training.FitOptions;
import io.keras4j.training.History;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSVLogger writes Keras' file: {@code epoch} then the sorted keys, Python's float text, {@code NA}
 * for missing values, {@code \r\n} rows, one header across appended runs (the scenario of Keras'
 * csv_logger_test.py).
 */
class CSVLoggerTest {

  @TempDir Path dir;

  private static Map<String, Double> logs(Object... keysAndValues) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).doubleValue());
    }
    return m;
  }

  /** One training run of the callback over the given epoch logs. */
  private static void run(CSVLogger csv, Model model, List<Map<String, Double>> epochs) {
    csv.onTrainBegin(model, Map.of());
    for (int e = 0; e < epochs.size(); e++) csv.onEpochEnd(model, e, epochs.get(e));
    csv.onTrainEnd(model, Map.of());
  }

  private String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void writesEpochThenSortedKeys() throws IOException {
    Path file = dir.resolve("log.csv");
    try (Model model = Tiny.model()) {
      run(
          new CSVLogger(CSVLoggerConfig.builder(file).build()),
          model,
          List.of(
              logs("val_loss", 0.25, "loss", 0.5, "accuracy", 0.75),
              logs("val_loss", 0.1, "loss", 1e-5, "accuracy", 1)));
      assertEquals(
          "epoch,accuracy,loss,val_loss\r\n0,0.75,0.5,0.25\r\n1,1.0,1e-05,0.1\r\n", read(file));
    }
  }

  @Test
  void withoutValidationEveryKeyGetsAValColumnOfNA() throws IOException {
    Path file = dir.resolve("log.csv");
    try (Model model = Tiny.model()) {
      run(
          new CSVLogger(CSVLoggerConfig.builder(file).build()),
          model,
          List.of(logs("loss", 0.5, "mae", Double.NaN), logs("loss", 0.3)));
      assertEquals(
          "epoch,loss,mae,val_loss,val_mae\r\n0,0.5,nan,NA,NA\r\n1,0.3,NA,NA,NA\r\n", read(file));
    }
  }

  @Test
  void quotesFieldsHoldingTheSeparator() throws IOException {
    Path file = dir.resolve("log.csv");
    try (Model model = Tiny.model()) {
      run(
          new CSVLogger(CSVLoggerConfig.builder(file).separator("_").build()),
          model,
          List.of(logs("loss", 0.5, "val_loss", Double.POSITIVE_INFINITY)));
      assertEquals("epoch_loss_\"val_loss\"\r\n0_0.5_inf\r\n", read(file));
    }
  }

  @Test
  void replacesTheFileUnlessAppending() throws IOException {
    Path file = dir.resolve("log.csv");
    Files.writeString(file, "old content\n");
    try (Model model = Tiny.model()) {
      run(new CSVLogger(CSVLoggerConfig.builder(file).build()), model, List.of(logs("loss", 2)));
      assertEquals("epoch,loss,val_loss\r\n0,2.0,NA\r\n", read(file));
      run(
          new CSVLogger(CSVLoggerConfig.builder(file).append(true).build()),
          model,
          List.of(logs("loss", 1)));
      assertEquals("epoch,loss,val_loss\r\n0,2.0,NA\r\n0,1.0,NA\r\n", read(file));
      Path fresh = dir.resolve("fresh.csv");
      run(
          new CSVLogger(CSVLoggerConfig.builder(fresh).append(true).build()),
          model,
          List.of(logs("loss", 1)));
      assertEquals("epoch,loss,val_loss\r\n0,1.0,NA\r\n", read(fresh));
    }
  }

  @Test
  void appendsRowsOfRealFitsUnderOneHeader() throws IOException {
    Path file = dir.resolve("log.tsv");
    try (Model model = Tiny.model()) {
      CSVLogger first = new CSVLogger(CSVLoggerConfig.builder(file).separator("\t").build());
      History h1 = Tiny.fit(model, 16, options(1, first));
      CSVLogger appending =
          new CSVLogger(CSVLoggerConfig.builder(file).separator("\t").append(true).build());
      History h2 = Tiny.fit(model, 16, options(1, appending));
      // Keras reuses the appending logger for a second fit: two more rows, no second header.
      History h3 = Tiny.fit(model, 16, options(2, appending));
      List<String> lines = List.of(read(file).split("\r\n", -1));
      assertEquals(6, lines.size(), lines.toString()); // 5 rows and what follows the last \r\n
      assertEquals("", lines.get(5));
      assertEquals(
          "epoch\tloss\tmean_squared_error\tval_loss\tval_mean_squared_error", lines.get(0));
      for (String line : lines.subList(0, 5)) {
        assertEquals(4, line.chars().filter(c -> c == '\t').count(), line);
      }
      assertEquals(row(0, h1, 0), lines.get(1));
      assertEquals(row(0, h2, 0), lines.get(2));
      assertEquals(row(0, h3, 0), lines.get(3));
      assertEquals(row(1, h3, 1), lines.get(4));
    }
  }

  private static FitOptions options(int epochs, CSVLogger csv) {
    return FitOptions.builder()
        .batchSize(4)
        .epochs(epochs)
        .seed(1)
        .validationSplit(0.25)
        .verbose(0)
        .callback(csv)
        .build();
  }

  /** The row Keras writes for epoch {@code epoch} of a history: Python's str of each value. */
  private static String row(int epoch, History h, int index) {
    return epoch
        + "\t"
        + PythonFormat.repr(h.get("loss").get(index))
        + "\t"
        + PythonFormat.repr(h.get("mean_squared_error").get(index))
        + "\t"
        + PythonFormat.repr(h.get("val_loss").get(index))
        + "\t"
        + PythonFormat.repr(h.get("val_mean_squared_error").get(index));
  }

  @Test
  void theSeparatorIsOneCharacter() {
    Path file = dir.resolve("log.csv");
    assertThrows(
        IllegalArgumentException.class,
        () -> CSVLoggerConfig.builder(file).separator(", ").build());
    assertThrows(
        IllegalArgumentException.class, () -> CSVLoggerConfig.builder(file).separator("").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> CSVLoggerConfig.builder(file).separator("\"").build());
  }
}

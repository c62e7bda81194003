package io.keras4j.io.callbacks;

import io.keras4j.models.Model;
import io.keras4j.training.Callback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Streams each epoch's logs to a CSV file: Keras' {@code keras.callbacks.CSVLogger}, writing the
 * file Keras writes.
 *
 * <p>The columns are {@code epoch} (counted from 0) and then the first epoch's log keys in sorted
 * order; if none of them is a {@code val_} key, a {@code val_} column is added for each, so that
 * the file has the same columns with or without validation. A value missing from an epoch's logs is
 * written {@code NA}; floats are written as Python writes them ({@code repr}); rows end in {@code
 * \r\n} and fields holding the separator, a quote or a line break are quoted, as Python's {@code
 * csv} module does for Keras. The file is replaced when training begins, or with {@code append}
 * continued, with no second header if it already has content. Each row is written and flushed at
 * its epoch's end; the file is not held open between epochs.
 *
 * <pre>{@code
 * CSVLogger csv = new CSVLogger(CSVLoggerConfig.builder(Path.of("training.log")).build());
 * model.fit(x, y, FitOptions.builder().epochs(10).callback(csv).build());
 * }</pre>
 *
 * <p>A failed write throws {@link UncheckedIOException} out of {@code fit}, as Keras raises.
 */
public final class CSVLogger implements Callback {

  // Keras parity: Python's csv "excel" dialect, which Keras uses, ends rows with \r\n.
  private static final String LINE_END = "\r\n";

  private final CSVLoggerConfig config;
  private @Nullable List<String> keys;
  private boolean appendHeader = true;
  private boolean headerDone;

  public CSVLogger(CSVLoggerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public CSVLoggerConfig config() {
    return config;
  }

  @Override
  public synchronized void onTrainBegin(Model model, Map<String, Double> logs) {
    try {
      if (config.append()) {
        // Keras writes no header when the file it appends to has any content.
        appendHeader = !(Files.exists(config.filename()) && Files.size(config.filename()) > 0);
        if (!Files.exists(config.filename())) Files.write(config.filename(), new byte[0]);
      } else {
        Files.write(config.filename(), new byte[0]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    keys = null;
    headerDone = false;
  }

  @Override
  public synchronized void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {
    if (keys == null) {
      List<String> sorted = new ArrayList<>(logs.keySet());
      sorted.sort(null);
      if (!sorted.isEmpty() && sorted.stream().noneMatch(k -> k.startsWith("val_"))) {
        for (String k : List.copyOf(sorted)) sorted.add("val_" + k);
      }
      keys = List.copyOf(sorted);
    }
    StringBuilder text = new StringBuilder();
    if (!headerDone) {
      if (appendHeader) {
        List<String> header = new ArrayList<>();
        header.add("epoch");
        header.addAll(keys);
        row(text, header);
      }
      headerDone = true;
    }
    List<String> fields = new ArrayList<>();
    fields.add(Integer.toString(epoch));
    for (String k : keys) {
      Double v = logs.get(k);
      fields.add(v == null ? "NA" : PythonFormat.repr(v));
    }
    row(text, fields);
    try {
      Files.writeString(
          config.filename(),
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void onTrainEnd(Model model, Map<String, Double> logs) {
    headerDone = false;
  }

  private void row(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) out.append(config.separator());
      out.append(quoted(fields.get(i)));
    }
    out.append(LINE_END);
  }

  /** Python's csv QUOTE_MINIMAL: quote a field holding the separator, a quote or a line break. */
  private String quoted(String field) {
    if (field.contains(config.separator())
        || field.indexOf('"') >= 0
        || field.indexOf('\r') >= 0
        || field.indexOf('\n') >= 0) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }
}

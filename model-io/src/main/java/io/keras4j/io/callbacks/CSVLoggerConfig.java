package io.keras4j.io.callbacks;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of {@link CSVLogger}: Keras' {@code CSVLogger(filename, separator=",", append=False)}.
 *
 * @param filename the CSV file; its folder must exist
 * @param separator the one character between fields
 * @param append continue an existing file (without a second header) instead of replacing it
 */
public record CSVLoggerConfig(Path filename, String separator, boolean append) {

  public CSVLoggerConfig {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(separator, "separator");
    if (separator.length() != 1) {
      throw new IllegalArgumentException(
          "\"delimiter\" must be a 1-character string. Received: separator=\"" + separator + "\"");
    }
    if (separator.equals("\"") || separator.equals("\r") || separator.equals("\n")) {
      throw new IllegalArgumentException(
          "The separator cannot be a quote or a line break. Received: separator=\""
              + separator
              + "\"");
    }
  }

  public static Builder builder(Path filename) {
    return new Builder(filename);
  }

  /** Keras' defaults. */
  public static final class Builder {
    private final Path filename;
    private String separator = ",";
    private boolean append = false;

    private Builder(Path filename) {
      this.filename = filename;
    }

    public Builder separator(String separator) {
      this.separator = separator;
      return this;
    }

    public Builder append(boolean append) {
      this.append = append;
      return this;
    }

    public CSVLoggerConfig build() {
      return new CSVLoggerConfig(filename, separator, append);
    }
  }
}

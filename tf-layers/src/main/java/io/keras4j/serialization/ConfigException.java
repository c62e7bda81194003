package io.keras4j.serialization;

/**
 * A Keras config that cannot be read: malformed, naming an unknown class, or using a feature
 * Keras4J refuses. The message names the source, the JSON path and, where one exists, the fix.
 */
public class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String path;

  public ConfigException(String path, String message) {
    super(path.isEmpty() ? message : path + ": " + message);
    this.path = path;
  }

  public ConfigException(String path, String message, Throwable cause) {
    super(path.isEmpty() ? message : path + ": " + message, cause);
    this.path = path;
  }

  /** Where in the config the problem is, such as {@code layers[3] (dense_1).config.units}. */
  public String path() {
    return path;
  }
}

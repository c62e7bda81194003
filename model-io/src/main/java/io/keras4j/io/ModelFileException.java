package io.keras4j.io;

import java.nio.file.Path;

/**
 * A model file that cannot be read: not the format it claims, damaged, over a size limit, or
 * disagreeing with its own config. The message names the file and the path inside it.
 */
public class ModelFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;

  public ModelFileException(Path file, String message) {
    this(file, message, null);
  }

  public ModelFileException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file.toString();
  }

  /** The file at fault. */
  public String file() {
    return file;
  }
}

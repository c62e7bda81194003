package io.keras4j.serialization;

/** A config names a layer or object class that is not registered. */
public class UnknownObjectException extends ConfigException {

  private static final long serialVersionUID = 1L;

  private final String key;

  public UnknownObjectException(String path, String key, String message) {
    super(path, message);
    this.key = key;
  }

  /** The unknown {@code registered_name} or class name. */
  public String key() {
    return key;
  }
}

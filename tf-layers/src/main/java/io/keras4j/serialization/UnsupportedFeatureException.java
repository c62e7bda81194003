package io.keras4j.serialization;

/**
 * A config uses a feature Keras4J does not support or refuses on purpose, such as a {@code Lambda}
 * layer (Python bytecode, never executed) or a quantized layer.
 */
public class UnsupportedFeatureException extends ConfigException {

  private static final long serialVersionUID = 1L;

  public UnsupportedFeatureException(String path, String message) {
    super(path, message);
  }
}

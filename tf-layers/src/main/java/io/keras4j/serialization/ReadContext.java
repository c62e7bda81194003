package io.keras4j.serialization;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What reading a config depends on besides the JSON: the registry to resolve names with, the
 * version of Keras that wrote the file (Keras 2 and 3 define some names differently) and where the
 * config came from (for messages).
 *
 * @param kerasVersion the writer's {@code keras_version}, {@code null} if unknown (read as Keras 3)
 */
public record ReadContext(KerasRegistry registry, @Nullable String kerasVersion, String source) {

  public ReadContext {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(source, "source");
  }

  public static ReadContext of(KerasRegistry registry) {
    return new ReadContext(registry, null, "config");
  }

  /** Whether the file was written by Keras 2 (including tf.keras). */
  public boolean isKeras2() {
    return kerasVersion != null && kerasVersion.startsWith("2.");
  }

  public ReadContext withKerasVersion(@Nullable String version) {
    return new ReadContext(registry, version, source);
  }

  public ReadContext withSource(String source) {
    return new ReadContext(registry, kerasVersion, source);
  }
}

package io.keras4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.io.keras.KerasArchive;
import io.keras4j.io.keras.KerasWeights;
import io.keras4j.models.Model;
import io.keras4j.serialization.ConfigException;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Loads Keras model files: {@code .keras} archives written by Keras 3. Immutable and thread-safe;
 * the registry it holds resolves the layer names found in files (Keras' {@code custom_objects}).
 *
 * <pre>{@code
 * try (Model model = ModelReader.create().read(Path.of("model.keras"))) {
 *   System.out.println(model.summary());
 * }
 * }</pre>
 */
public final class ModelReader {

  private final KerasRegistry registry;
  private final ReadLimits limits;

  private ModelReader(KerasRegistry registry, ReadLimits limits) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A reader that knows Keras4J's built-in layers. */
  public static ModelReader create() {
    return new ModelReader(KerasRegistry.builtins(), ReadLimits.DEFAULT);
  }

  /** This reader resolving names with {@code registry} (built-ins plus custom layers). */
  public ModelReader withRegistry(KerasRegistry registry) {
    return new ModelReader(registry, limits);
  }

  public ModelReader withLimits(ReadLimits limits) {
    return new ModelReader(registry, limits);
  }

  public KerasRegistry registry() {
    return registry;
  }

  /**
   * Reads a model with its weights. The model owns a TensorFlow session: close it.
   *
   * @throws ModelFileException if the file is damaged or disagrees with its config
   * @throws ConfigException if the config cannot be read (unknown layer, malformed config)
   */
  public Model read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".keras")) {
      return readKeras(file);
    }
    throw new ModelFileException(
        file, "unsupported file type: expected a .keras archive");
  }

  private Model readKeras(Path file) throws IOException {
    try (KerasArchive archive = KerasArchive.open(file, limits)) {
      ReadContext context =
          new ReadContext(registry, archive.kerasVersion(), file.toString());
      Model model = modelFromConfig(archive.config(), context);
      try {
        model.build();
        if (archive.weights() != null) {
          KerasWeights.load(model, archive.weights(), file, limits);
        }
        return model;
      } catch (RuntimeException e) {
        model.close();
        throw e;
      }
    }
  }

  private static Model modelFromConfig(JsonNode config, ReadContext context) {
    return ConfigSerializer.of(context).deserializeModel(config);
  }
}

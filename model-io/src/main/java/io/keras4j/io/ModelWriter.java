package io.keras4j.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.io.h5.LegacyH5Writer;
import io.keras4j.io.keras.KerasArchive;
import io.keras4j.io.keras.KerasWeightsWriter;
import io.keras4j.models.Model;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Saves models in Keras' formats so that Python Keras 3 loads them: {@code .keras} archives, legacy
 * full-model {@code .h5} files (Keras 3 dialect) and Keras 3 {@code .weights.h5} files. Custom
 * layers are saved under their registered names. Every save is atomic: the file is written next to
 * the target and renamed over it, so a failure never leaves a damaged file in place of a good one.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ModelWriter.create().write(model, Path.of("model.keras"));
 * }</pre>
 */
public final class ModelWriter {

  /** The Keras version whose formats Keras4J writes (and reads back with Keras 3 semantics). */
  public static final String KERAS_VERSION = "3.16.0";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss", Locale.ROOT);

  private final KerasRegistry registry;

  private ModelWriter(KerasRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  public static ModelWriter create() {
    return new ModelWriter(KerasRegistry.builtins());
  }

  /** This writer naming layers with {@code registry} (built-ins plus custom layers). */
  public ModelWriter withRegistry(KerasRegistry registry) {
    return new ModelWriter(registry);
  }

  /**
   * Saves the model in the format its file name asks for: {@code .keras}, {@code .weights.h5}
   * (weights only) or {@code .h5} / {@code .hdf5} (legacy full model).
   */
  public void write(Model model, Path file) throws IOException {
    write(model, WeightValues.of(model), file);
  }

  /** Saves the model with weight values read from {@code values}. */
  public void write(Model model, WeightValues values, Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    model.build();
    if (name.endsWith(".keras")) {
      AtomicFiles.write(file, tmp -> writeKeras(model, values, tmp));
    } else if (name.endsWith(".weights.h5")) {
      AtomicFiles.write(file, tmp -> KerasWeightsWriter.write(model, values, tmp));
    } else if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      String config = KerasJson.mapper().writeValueAsString(config(model));
      AtomicFiles.write(
          file, tmp -> LegacyH5Writer.write(model, config, KERAS_VERSION, values, tmp));
    } else {
      throw new IllegalArgumentException(
          "Cannot tell the format from '"
              + file.getFileName()
              + "': use .keras, .h5 or .weights.h5");
    }
  }

  /** The model's {@code config.json}. */
  public ObjectNode config(Model model) {
    return ConfigSerializer.of(registry).serializeModel(model);
  }

  private void writeKeras(Model model, WeightValues values, Path target) throws IOException {
    byte[] config = KerasJson.mapper().writeValueAsBytes(config(model));
    ObjectNode meta = KerasJson.mapper().createObjectNode();
    meta.put("keras_version", KERAS_VERSION);
    meta.put("date_saved", LocalDateTime.now().format(DATE));
    byte[] metadata = KerasJson.mapper().writeValueAsBytes(meta);
    Path weights = Files.createTempFile(target.getParent(), ".weights", ".h5");
    try {
      KerasWeightsWriter.write(model, values, weights);
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
        // Keras stores the entries uncompressed, in this order.
        putStored(zip, KerasArchive.METADATA, metadata);
        putStored(zip, KerasArchive.CONFIG, config);
        putStored(zip, KerasArchive.WEIGHTS, Files.readAllBytes(weights));
      }
    } finally {
      Files.deleteIfExists(weights);
    }
  }

  private static void putStored(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(data.length);
    e.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }
}

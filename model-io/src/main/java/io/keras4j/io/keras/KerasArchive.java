package io.keras4j.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.io.ModelFileException;
import io.keras4j.io.ReadLimits;
import io.keras4j.serialization.KerasJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a Keras 3 {@code .keras} zip: {@code config.json}, {@code metadata.json} and
 * {@code model.weights.h5}. Entry sizes are checked against {@link ReadLimits} while reading, not
 * trusted from the zip's headers; entry names are never used as file names.
 */
public final class KerasArchive implements AutoCloseable {

  public static final String CONFIG = "config.json";
  public static final String METADATA = "metadata.json";
  public static final String WEIGHTS = "model.weights.h5";

  private final Path file;
  private final JsonNode config;
  private final @Nullable JsonNode metadata;
  private final @Nullable Path weights;

  private KerasArchive(Path file, JsonNode config, @Nullable JsonNode metadata, @Nullable Path weights) {
    this.file = file;
    this.config = config;
    this.metadata = metadata;
    this.weights = weights;
  }

  /** Opens the archive; the weights are copied to a temporary file that {@link #close} deletes. */
  public static KerasArchive open(Path file, ReadLimits limits) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      int entries = 0;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (escapes(name)) {
          throw new ModelFileException(
              file, "holds a zip entry whose name escapes the archive: '" + name + "'");
        }
        if (++entries > limits.maxZipEntries()) {
          throw new ModelFileException(
              file, "holds more than " + limits.maxZipEntries() + " zip entries");
        }
      }
      ZipEntry configEntry = zip.getEntry(CONFIG);
      if (configEntry == null) {
        throw new ModelFileException(file, "is not a Keras archive: it has no " + CONFIG);
      }
      JsonNode config = readJson(zip, configEntry, file, limits.maxConfigBytes());
      ZipEntry metaEntry = zip.getEntry(METADATA);
      JsonNode metadata =
          metaEntry == null ? null : readJson(zip, metaEntry, file, limits.maxConfigBytes());
      ZipEntry weightsEntry = zip.getEntry(WEIGHTS);
      Path weights = null;
      if (weightsEntry != null) {
        weights = Files.createTempFile("keras4j-", ".weights.h5");
        try (InputStream in = zip.getInputStream(weightsEntry);
            OutputStream out = Files.newOutputStream(weights)) {
          copyBounded(in, out, limits.maxWeightsBytes(), file, WEIGHTS);
        } catch (IOException | RuntimeException ex) {
          Files.deleteIfExists(weights);
          throw ex;
        }
      }
      return new KerasArchive(file, config, metadata, weights);
    } catch (java.util.zip.ZipException e) {
      throw new ModelFileException(file, "is not a valid zip file: " + e.getMessage(), e);
    }
  }

  /**
   * Whether a zip entry name would leave the folder it is extracted to: absolute, with a drive
   * letter, a backslash, a NUL or a {@code ..} segment. Keras4J never extracts by name, but such an
   * archive is not one Keras wrote.
   */
  static boolean escapes(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
      return true;
    }
    if (name.length() > 1 && name.charAt(1) == ':') return true;
    for (String part : name.split("/")) {
      if (part.equals("..")) return true;
    }
    return false;
  }

  private static JsonNode readJson(ZipFile zip, ZipEntry entry, Path file, long max)
      throws IOException {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try (InputStream in = zip.getInputStream(entry)) {
      copyBounded(in, buf, max, file, entry.getName());
    }
    try {
      return KerasJson.mapper().readTree(buf.toByteArray());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ModelFileException(
          file, entry.getName() + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void copyBounded(InputStream in, OutputStream out, long max, Path file, String what)
      throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > max) {
        throw new ModelFileException(
            file, what + " is larger than the limit of " + max + " bytes");
      }
      out.write(buf, 0, n);
    }
  }

  public Path file() {
    return file;
  }

  public JsonNode config() {
    return config;
  }

  public @Nullable JsonNode metadata() {
    return metadata;
  }

  /** The {@code keras_version} of {@code metadata.json}, if present. */
  public @Nullable String kerasVersion() {
    if (metadata == null || !metadata.path("keras_version").isTextual()) return null;
    return metadata.get("keras_version").asText();
  }

  /** The extracted weights file, or {@code null} for an archive without weights. */
  public @Nullable Path weights() {
    return weights;
  }

  @Override
  public void close() throws IOException {
    if (weights != null) {
      Files.deleteIfExists(weights);
    }
  }
}

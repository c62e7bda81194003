package io.keras4j.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.keras4j.io.ModelFileException;
import io.keras4j.io.ReadLimits;
import io.keras4j.io.h5.H5Safety;
import io.keras4j.serialization.KerasJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a Keras 3 {@code .keras} zip: {@code config.json}, {@code metadata.json} and {@code
 * model.weights.h5}. Entry sizes are checked against {@link ReadLimits} while reading, not trusted
 * from the zip's headers; entry names are never used as file names.
 *
 * <p>Keras stores the weights uncompressed: that entry is mapped read-only from the archive and
 * read in place, after its bytes pass the entry's CRC-32 check. A compressed entry, or an archive
 * laid out in a way this class does not map (zip64, for one), is extracted to a temporary file that
 * {@link #close} deletes. The archive must not be changed by another program while it is open.
 *
 * <pre>{@code
 * try (KerasArchive archive = KerasArchive.open(file, ReadLimits.DEFAULT);
 *     HdfFile weights = archive.openWeights()) {
 *   Dataset kernel = weights.getDatasetByPath("layers/dense/vars/0");
 * }
 * }</pre>
 */
public final class KerasArchive implements AutoCloseable {

  public static final String CONFIG = "config.json";
  public static final String METADATA = "metadata.json";
  public static final String WEIGHTS = "model.weights.h5";

  private final Path file;
  private final JsonNode config;
  private final @Nullable JsonNode metadata;

  /** The stored weights entry, mapped from the archive; null when extracted or absent. */
  private final @Nullable ByteBuffer mapped;

  /** The weights in a temporary file: extracted on opening, or written out by {@link #weights}. */
  private @Nullable Path extracted;

  private boolean closed;

  private KerasArchive(
      Path file,
      JsonNode config,
      @Nullable JsonNode metadata,
      @Nullable ByteBuffer mapped,
      @Nullable Path extracted) {
    this.file = file;
    this.config = config;
    this.metadata = metadata;
    this.mapped = mapped;
    this.extracted = extracted;
  }

  /**
   * Opens the archive, reading its JSON entries and checking its weights entry: a stored one is
   * mapped, a compressed one extracted to a temporary file.
   *
   * @throws ModelFileException if the archive is damaged, crafted or over a limit
   */
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
      if (weightsEntry == null) {
        return new KerasArchive(file, config, metadata, null, null);
      }
      if (weightsEntry.getSize() > limits.maxWeightsBytes()) {
        throw tooLarge(file, WEIGHTS, limits.maxWeightsBytes());
      }
      ByteBuffer mapped = StoredEntry.map(file, weightsEntry);
      if (mapped != null) {
        return new KerasArchive(file, config, metadata, mapped, null);
      }
      return new KerasArchive(
          file, config, metadata, null, extract(zip, weightsEntry, file, limits.maxWeightsBytes()));
    } catch (java.util.zip.ZipException e) {
      throw new ModelFileException(file, "is not a valid zip file: " + e.getMessage(), e);
    }
  }

  /**
   * Copies an entry to a temporary file, within {@code max} bytes, checking its CRC-32 (ZipFile's
   * streams do not).
   */
  private static Path extract(ZipFile zip, ZipEntry entry, Path file, long max) throws IOException {
    Path target = Files.createTempFile("keras4j-", ".weights.h5");
    try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32());
        OutputStream out = Files.newOutputStream(target)) {
      copyBounded(in, out, max, file, entry.getName());
      long crc = in.getChecksum().getValue();
      if (entry.getCrc() >= 0 && crc != entry.getCrc()) {
        throw new ModelFileException(
            file,
            String.format(
                "%s fails its CRC-32 check: the archive records %08x but its bytes give %08x;"
                    + " the file is damaged",
                entry.getName(), entry.getCrc(), crc));
      }
      return target;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(target);
      throw e;
    }
  }

  /**
   * Whether a zip entry name would leave the folder it is extracted to: absolute, with a drive
   * letter, a backslash, a NUL or a {@code ..} segment. Keras4J never extracts by name, but such an
   * archive is not one Keras wrote.
   */
  static boolean escapes(String name) {
    if (name.isEmpty()
        || name.startsWith("/")
        || name.indexOf('\\') >= 0
        || name.indexOf('\0') >= 0) {
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

  private static void copyBounded(
      InputStream in, OutputStream out, long max, Path file, String what) throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > max) {
        throw tooLarge(file, what, max);
      }
      out.write(buf, 0, n);
    }
  }

  private static ModelFileException tooLarge(Path file, String what, long max) {
    return new ModelFileException(file, what + " is larger than the limit of " + max + " bytes");
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

  /** Whether the archive holds a {@code model.weights.h5}. */
  public boolean hasWeights() {
    return mapped != null || extracted != null;
  }

  /**
   * Opens the weights for reading, checked by {@link H5Safety}: in place from the archive when the
   * entry is stored, else from its extracted copy. The caller closes the file; it stays readable
   * after this archive is closed only when it was mapped.
   *
   * @throws IllegalStateException if the archive has no weights or is closed
   * @throws ModelFileException if the weights are not a readable HDF5 file, or are refused
   */
  public synchronized HdfFile openWeights() {
    requireOpen();
    ByteBuffer bytes = mapped;
    if (bytes != null) {
      // jHDF sets the byte order and position of the buffer it is given: give it its own view.
      return H5Safety.open(() -> HdfFile.fromByteBuffer(bytes.duplicate()), file);
    }
    Path copy = extracted;
    if (copy != null) {
      return H5Safety.open(() -> new HdfFile(copy), file);
    }
    throw new IllegalStateException(file + " holds no " + WEIGHTS);
  }

  /**
   * The weights as a file of their own, or {@code null} for an archive without weights; {@link
   * #close} deletes it. A stored entry is written out on the first call: read the weights through
   * {@link #openWeights} to avoid that copy.
   *
   * @throws IllegalStateException if the archive is closed
   */
  public synchronized @Nullable Path weights() throws IOException {
    requireOpen();
    ByteBuffer bytes = mapped;
    if (extracted == null && bytes != null) {
      Path target = Files.createTempFile("keras4j-", ".weights.h5");
      try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
        ByteBuffer view = bytes.duplicate();
        while (view.hasRemaining()) out.write(view);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(target);
        throw e;
      }
      extracted = target;
    }
    return extracted;
  }

  /** Whether the weights are read in place from the archive (for tests). */
  boolean weightsMapped() {
    return mapped != null;
  }

  private void requireOpen() {
    if (closed) throw new IllegalStateException(file + " is closed");
  }

  /**
   * Deletes the temporary weights file, if any. The mapping of stored weights is released when no
   * {@link HdfFile} opened from it is reachable any more (Java cannot unmap a buffer explicitly).
   */
  @Override
  public synchronized void close() throws IOException {
    closed = true;
    if (extracted != null) {
      Files.deleteIfExists(extracted);
      extracted = null;
    }
  }
}

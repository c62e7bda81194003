package io.keras4j.io.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.keras4j.io.ModelFileException;
import io.keras4j.io.ModelReader;
import io.keras4j.io.ReadLimits;
import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.ByteDataBuffer;

/**
 * Reading the weights of a {@code .keras} archive: in place when stored, as Keras writes them,
 * extracted otherwise, and refused when the archive is damaged. The archive is Keras' own (the
 * train_cnn_bn_adam fixture after training: convolution, batch normalization and Adam's state).
 */
class KerasArchiveTest {

  @TempDir Path dir;

  private Path keras;

  @BeforeEach
  void copyFixture() throws Exception {
    keras = dir.resolve("cnn_bn_adam.keras");
    Files.copy(Path.of(getClass().getResource("cnn_bn_adam.keras").toURI()), keras);
  }

  @Test
  void storedWeightsAreReadInPlace() throws IOException {
    try (KerasArchive archive = KerasArchive.open(keras, ReadLimits.DEFAULT);
        HdfFile weights = archive.openWeights()) {
      Dataset kernel = weights.getDatasetByPath("layers/dense/vars/0");
      assertArrayEquals(new int[] {100, 2}, kernel.getDimensions());
      assertTrue(archive.weightsMapped());
    }
  }

  @Test
  void mappedWeightsEqualExtractedOnes() throws IOException {
    Path deflated = ZipBytes.rewrite(keras, dir.resolve("deflated.keras"), ZipEntry.DEFLATED);
    try (KerasArchive archive = KerasArchive.open(deflated, ReadLimits.DEFAULT)) {
      assertTrue(archive.hasWeights());
      assertFalse(archive.weightsMapped());
    }
    assertSameValues(load(keras), load(deflated));
  }

  @Test
  void anArchiveWithBytesBeforeItsFirstEntryIsExtracted() throws IOException {
    // ZipFile reads such an archive (a self-extracting one, say) by shifting every offset.
    Path prefixed = dir.resolve("prefixed.keras");
    byte[] zip = Files.readAllBytes(keras);
    byte[] shifted = new byte[zip.length + 100];
    System.arraycopy(zip, 0, shifted, 100, zip.length);
    Files.write(prefixed, shifted);
    try (KerasArchive archive = KerasArchive.open(prefixed, ReadLimits.DEFAULT)) {
      assertFalse(archive.weightsMapped());
    }
    assertSameValues(load(keras), load(prefixed));
  }

  @Test
  void aFlippedByteInStoredWeightsFailsTheCrcCheck() throws IOException {
    byte[] zip = Files.readAllBytes(keras);
    zip[ZipBytes.dataStart(zip, KerasArchive.WEIGHTS) + 20_000] ^= 0x10;
    Path damaged = Files.write(dir.resolve("damaged.keras"), zip);
    assertRefused(damaged, "model.weights.h5 fails its CRC-32 check: the archive records 91faf42b");
  }

  @Test
  void compressedWeightsAreCheckedAgainstTheirCrcToo() throws IOException {
    Path deflated = ZipBytes.rewrite(keras, dir.resolve("deflated.keras"), ZipEntry.DEFLATED);
    byte[] zip = Files.readAllBytes(deflated);
    int crc = ZipBytes.centralRecord(zip, KerasArchive.WEIGHTS) + 16;
    ZipBytes.putU32(zip, crc, ZipBytes.u32(zip, crc) ^ 1);
    assertRefused(Files.write(deflated, zip), "model.weights.h5 fails its CRC-32 check");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "local header past the end of the file | is said to be at offset",
        "local header inside the weights       | has no local header for model.weights.h5",
        "extra field into the directory        | disagrees with the central directory",
        "sizes past the end of the file        | run past the entries",
      })
  void offsetsOutsideTheEntriesAreRefused(String damage, String expected) throws IOException {
    byte[] zip = Files.readAllBytes(keras);
    int local = ZipBytes.localHeader(zip, KerasArchive.WEIGHTS);
    int central = ZipBytes.centralRecord(zip, KerasArchive.WEIGHTS);
    switch (damage) {
      case "local header past the end of the file" ->
          ZipBytes.putU32(zip, central + 42, zip.length + 1000L);
      case "local header inside the weights" ->
          ZipBytes.putU32(zip, central + 42, ZipBytes.dataStart(zip, KerasArchive.WEIGHTS) + 8);
      case "extra field into the directory" -> ZipBytes.putU16(zip, local + 28, 0xFFFF);
      case "sizes past the end of the file" -> {
        long size = ZipBytes.u32(zip, central + 24) + zip.length;
        ZipBytes.putU32(zip, central + 20, size);
        ZipBytes.putU32(zip, central + 24, size);
      }
      default -> throw new IllegalArgumentException(damage);
    }
    Path crafted = Files.write(dir.resolve("crafted.keras"), zip);
    assertRefused(crafted, expected);
  }

  /** The crafted files of {@code src/test/resources/untrusted}, which are compressed, stored. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "external_link.keras    | holds an HDF5 link at /layers/dense/vars/0",
        "external_dataset.keras | whose data lives in an external file",
        "wrong_shape.keras      | has shape (7, 5) in the config but (8, 5) at"
            + " /layers/dense/vars/0",
      })
  void untrustedWeightsAreRefusedWhenStoredToo(String name, String expected) throws IOException {
    Path untrusted = Path.of("src/test/resources/untrusted", name);
    Path stored = ZipBytes.rewrite(untrusted, dir.resolve(name), ZipEntry.STORED);
    try (KerasArchive archive = KerasArchive.open(stored, ReadLimits.DEFAULT)) {
      assertTrue(archive.weightsMapped());
    }
    assertRefused(stored, expected);
  }

  @Test
  void storedWeightsOverTheLimitAreRefused() {
    ReadLimits small = new ReadLimits(64L << 20, 1000, 10_000, Integer.MAX_VALUE, 1L << 32);
    ModelFileException e =
        assertThrows(ModelFileException.class, () -> KerasArchive.open(keras, small));
    assertTrue(
        e.getMessage().contains("model.weights.h5 is larger than the limit of 1000 bytes"),
        e.getMessage());
  }

  @Test
  void weightsAsAFileAreWrittenOutAndDeletedOnClose() throws IOException {
    byte[] entry;
    try (ZipFile zip = new ZipFile(keras.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(KerasArchive.WEIGHTS))) {
      entry = in.readAllBytes();
    }
    KerasArchive archive = KerasArchive.open(keras, ReadLimits.DEFAULT);
    Path file = archive.weights();
    assertArrayEquals(entry, Files.readAllBytes(file));
    assertEquals(file, archive.weights());
    archive.close();
    assertFalse(Files.exists(file));
    assertThrows(IllegalStateException.class, archive::openWeights);
  }

  private static void assertRefused(Path file, String expected) {
    ModelFileException e =
        assertThrows(ModelFileException.class, () -> ModelReader.create().read(file).close());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  /** Every weight and optimizer variable of the model in {@code file}, as bytes. */
  private static Map<String, byte[]> load(Path file) throws IOException {
    try (Model model = ModelReader.create().read(file)) {
      List<Weight> all = new ArrayList<>(model.weights());
      all.addAll(model.allOptimizerVariables());
      Map<String, byte[]> values = new LinkedHashMap<>();
      for (int i = 0; i < all.size(); i++) {
        try (Tensor t = model.readWeight(all.get(i))) {
          ByteDataBuffer data = t.asRawTensor().data();
          byte[] bytes = new byte[Math.toIntExact(data.size())];
          data.read(bytes);
          values.put(i + " " + all.get(i).path(), bytes);
        }
      }
      return values;
    }
  }

  private static void assertSameValues(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    // The convolution, batch normalization and dense weights, and Adam's iterations, learning rate
    // and two slots per weight.
    assertEquals(8 + 2 + 2 * 6, expected.size(), expected.keySet().toString());
    expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
  }
}

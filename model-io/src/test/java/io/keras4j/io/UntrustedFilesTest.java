package io.keras4j.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.serialization.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A model file is untrusted input: each crafted file (made from the dense_relu fixture, see {@code
 * src/test/resources/untrusted}) is refused with a message naming the file and the problem, before
 * anything it describes is allocated or followed.
 */
class UntrustedFilesTest {

  private static Path file(String name) {
    return Path.of("src/test/resources/untrusted", name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "escaping_entry.keras   | zip entry whose name escapes the archive: '../../evil.sh'",
        "zip_bomb.keras         | config.json is larger than the limit of 67108864 bytes",
        "external_link.keras    | holds an HDF5 link at /layers/dense/vars/0",
        "external_dataset.keras | whose data lives in an external file",
        "wrong_shape.keras      | has shape (7, 5) in the config but (8, 5) at /layers/dense/vars/0",
        "huge_units.keras       | has more than the limit of 2147483647 elements",
        "not_json.keras         | config.json is not valid JSON",
      })
  void refusedWithAMessageNamingFileAndProblem(String name, String expected) {
    Path f = file(name);
    ModelFileException e =
        assertThrows(ModelFileException.class, () -> ModelReader.create().read(f));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void aConfigThatIsNotAModelIsRefused() {
    Path f = file("not_a_model.keras");
    ConfigException e = assertThrows(ConfigException.class, () -> ModelReader.create().read(f));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("Expected a model config"), e.getMessage());
  }

  @Test
  void tighterLimitsApply() {
    ReadLimits small = new ReadLimits(64L << 20, 16L << 30, 10_000, 10, 1L << 32);
    ModelFileException e =
        assertThrows(
            ModelFileException.class,
            () -> ModelReader.create().withLimits(small).read(file("wrong_shape.keras")));
    assertTrue(e.getMessage().contains("more than the limit of 10 elements"), e.getMessage());
  }
}

package io.keras4j.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.serialization.KerasJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The project's copy of the Keras reference fixtures ({@code src/test/resources/keras-fixtures}).
 */
final class KerasFixtures {

  /** One fixture case: its folder and {@code case.json}. */
  record Case(String name, Path dir, JsonNode json) {
    Path model() {
      return dir.resolve("model.keras");
    }

    Path legacyH5() {
      return dir.resolve("model.h5");
    }

    Path io() {
      return dir.resolve("io.h5");
    }

    /** A file of the case named by a {@code case.json} key ({@code model}, {@code config}, ...). */
    java.util.Optional<Path> file(String key) {
      JsonNode n = json.get(key);
      return n != null && n.isTextual()
          ? java.util.Optional.of(dir.resolve(n.asText()))
          : java.util.Optional.empty();
    }

    double rtol() {
      return json.path("rtol").asDouble();
    }

    double atol() {
      return json.path("atol").asDouble();
    }

    boolean hasTag(String tag) {
      for (JsonNode t : json.path("tags")) {
        if (t.asText().equals(tag)) return true;
      }
      return false;
    }

    boolean isTraining() {
      return hasTag("training");
    }
  }

  static final Path ROOT = root("keras4j.fixtures", "keras-fixtures");

  /** The project's copy of the Keras 2 files ({@code src/test/resources/keras2-files}). */
  static final Path KERAS2_ROOT = root("keras4j.keras2files", "keras2-files");

  private KerasFixtures() {}

  private static Path root(String property, String folder) {
    String p = System.getProperty(property, "src/test/resources/" + folder);
    return Path.of(p).toAbsolutePath();
  }

  /** Every case of the Keras 3 fixtures' manifest, in its order. */
  static List<Case> cases() {
    return cases(ROOT);
  }

  /** Every case of the Keras 2 files' manifest, in its order. */
  static List<Case> keras2Cases() {
    return cases(KERAS2_ROOT);
  }

  private static List<Case> cases(Path root) {
    try {
      JsonNode manifest = KerasJson.mapper().readTree(root.resolve("manifest.json").toFile());
      List<Case> out = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("cases").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Path dir = root.resolve(e.getKey());
        JsonNode json = KerasJson.mapper().readTree(dir.resolve("case.json").toFile());
        out.add(new Case(e.getKey(), dir, json));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean exists(Path p) {
    return Files.isRegularFile(p);
  }
}

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

/** The project's copy of the Keras reference fixtures ({@code src/test/resources/keras-fixtures}). */
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

  static final Path ROOT = root();

  private KerasFixtures() {}

  private static Path root() {
    String p = System.getProperty("keras4j.fixtures", "src/test/resources/keras-fixtures");
    return Path.of(p).toAbsolutePath();
  }

  /** Every case of the manifest, in its order. */
  static List<Case> cases() {
    try {
      JsonNode manifest = KerasJson.mapper().readTree(ROOT.resolve("manifest.json").toFile());
      List<Case> out = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("cases").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Path dir = ROOT.resolve(e.getKey());
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

package io.keras4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.io.ModelReader;
import io.keras4j.it.seed.MyLayer;
import io.keras4j.it.seed.MyLayerConfig;
import io.keras4j.models.Model;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's Java examples compiling: every {@code <!-- example: name -->} block must
 * appear, line for line, in the compiled sources named below, and the loading examples run.
 */
class ReadmeExamplesTest {

  private static final Path README = Path.of(System.getProperty("keras4j.readme", "../README.md"));
  private static final Path SEED = Path.of("src/test/java/io/keras4j/it/seed");
  private static final Path SELF = Path.of("src/test/java/io/keras4j/it/ReadmeExamplesTest.java");

  @Test
  void everyReadmeExampleIsCompiledCode() throws IOException {
    String readme = Files.readString(README);
    Matcher m = Pattern.compile("<!-- example: (\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL)
        .matcher(readme);
    List<String> names = new ArrayList<>();
    String sources =
        normalize(
            Files.readString(SELF)
                + Files.readString(SEED.resolve("MyLayer.java"))
                + Files.readString(SEED.resolve("MyLayerConfig.java")));
    while (m.find()) {
      names.add(m.group(1));
      assertTrue(
          sources.contains(normalize(m.group(2))),
          "README example '" + m.group(1) + "' is not in the compiled sources:\n" + m.group(2));
    }
    assertEquals(List.of("load", "registry", "config", "layer"), names);
  }

  private static String normalize(String code) {
    return code.replaceAll("\\s+", " ").trim();
  }

  @Test
  void loadExampleRuns() throws IOException {
    // The example reads model.keras from the working directory: put a 7-in, 5-out model there.
    Path local = Path.of("model.keras");
    Files.copy(
        KerasFixtures.ROOT.resolve("dense_relu/model.keras"),
        local,
        StandardCopyOption.REPLACE_EXISTING);
    try {
      try (Model model = ModelReader.create().read(Path.of("model.keras"))) {
        System.out.println(model.summary());
        float[][] scores = model.predict(new float[][] {{0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f}});
      }
    } finally {
      Files.delete(local);
    }
  }

  @Test
  void registryExampleLoadsTheSeedLayer() throws IOException {
    Path local = Path.of("my_layer.keras");
    Files.copy(
        KerasFixtures.ROOT.resolve("seed_mylayer/model.keras"),
        local,
        StandardCopyOption.REPLACE_EXISTING);
    try {
      KerasRegistry registry =
          KerasRegistry.builtins().toBuilder()
              .layer(LayerType.custom("seed", "MyLayer", MyLayer.class, MyLayerConfig.class, MyLayer::new))
              .build();
      Model model = ModelReader.create().withRegistry(registry).read(Path.of("my_layer.keras"));
      try (model) {
        assertTrue(model.layers().stream().anyMatch(l -> l instanceof MyLayer));
      }
    } finally {
      Files.delete(local);
    }
  }
}

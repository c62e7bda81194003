package io.keras4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.activations.Activations;
import io.keras4j.io.ModelReader;
import io.keras4j.io.ModelWriter;
import io.keras4j.io.callbacks.ModelCheckpoint;
import io.keras4j.io.callbacks.ModelCheckpointConfig;
import io.keras4j.io.savedmodel.SavedModelExporter;
import io.keras4j.it.seed.MyLayer;
import io.keras4j.it.seed.MyLayerConfig;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Input;
import io.keras4j.losses.CategoricalCrossentropy;
import io.keras4j.metrics.CategoricalAccuracy;
import io.keras4j.models.Functional;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.AdamConfig;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;
import io.keras4j.training.Compile;
import io.keras4j.training.FitOptions;
import io.keras4j.training.History;
import io.keras4j.training.callbacks.EarlyStopping;
import io.keras4j.training.callbacks.EarlyStoppingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    Matcher m =
        Pattern.compile("<!-- example: (\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL)
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
    assertEquals(List.of("load", "registry", "config", "layer", "train"), names);
  }

  /** The code without its layout: the formatter and the README may break lines differently. */
  private static String normalize(String code) {
    return code.replaceAll("\\s+", "");
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
        float[][] scores =
            model.predict(new float[][] {{0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f}});
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
              .layer(
                  LayerType.custom(
                      "seed", "MyLayer", MyLayer.class, MyLayerConfig.class, MyLayer::new))
              .build();
      Model model = ModelReader.create().withRegistry(registry).read(Path.of("my_layer.keras"));
      try (model) {
        assertTrue(model.layers().stream().anyMatch(l -> l instanceof MyLayer));
      }
    } finally {
      Files.delete(local);
    }
  }

  @Test
  void trainExampleTrainsSavesAndExports() throws IOException {
    // Three separable classes of 4 features: the first feature picks the class.
    Random random = new Random(3);
    float[][] x = new float[300][4];
    float[][] y = new float[300][3];
    for (int i = 0; i < x.length; i++) {
      int c = i % 3;
      for (int j = 0; j < 4; j++) x[i][j] = (float) random.nextGaussian() * 0.3f;
      x[i][0] += c;
      y[i][c] = 1;
    }
    List<Path> written =
        List.of(Path.of("best.keras"), Path.of("classifier.keras"), Path.of("serving/1"));
    try {
      KerasTensor in = Input.of(4);
      KerasTensor hidden =
          new Dense(DenseConfig.builder(16).activation(Activations.get("relu")).build()).apply(in);
      KerasTensor out =
          new Dense(DenseConfig.builder(3).activation(Activations.get("softmax")).build())
              .apply(hidden);
      try (Model model = new Functional(LayerArgs.named("classifier"), in, out)) {
        model.compile(
            Compile.builder()
                .optimizer(new Adam(AdamConfig.builder().learningRate(1e-2).build()))
                .loss(new CategoricalCrossentropy())
                .metric(new CategoricalAccuracy())
                .build());
        History history =
            model.fit(
                new Object[] {x},
                new Object[] {y},
                FitOptions.builder()
                    .batchSize(32)
                    .epochs(20)
                    .validationSplit(0.2)
                    .callback(
                        new EarlyStopping(
                            EarlyStoppingConfig.builder()
                                .patience(3)
                                .restoreBestWeights(true)
                                .build()))
                    .callback(
                        new ModelCheckpoint(
                            ModelCheckpointConfig.builder("best.keras").saveBestOnly(true).build()))
                    .build());
        ModelWriter.create().write(model, Path.of("classifier.keras")); // or .h5, .weights.h5
        SavedModelExporter.export(model, Path.of("serving/1")); // TensorFlow Serving
      }
      for (Path p : written) assertTrue(Files.exists(p), p + " is written");
      try (Model reloaded = ModelReader.create().read(Path.of("classifier.keras"))) {
        float[][] p = (float[][]) reloaded.predictArrays((Object) x).get(0);
        int right = 0;
        for (int i = 0; i < x.length; i++) {
          int best = 0;
          for (int c = 1; c < 3; c++) if (p[i][c] > p[i][best]) best = c;
          if (y[i][best] == 1) right++;
        }
        assertTrue(right > 0.9 * x.length, right + " of " + x.length + " classified right");
      }
    } finally {
      for (Path p : written) deleteRecursively(p);
      Files.deleteIfExists(Path.of("serving"));
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }
}

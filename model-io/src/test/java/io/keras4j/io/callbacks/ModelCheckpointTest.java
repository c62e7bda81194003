package io.keras4j.io.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.io.ModelReader;
import io.keras4j.models.Model;
import io.keras4j.testing.LogCapture;
import io.keras4j.training.FitOptions;
import io.keras4j.training.callbacks.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ModelCheckpoint writes the files Keras' model_checkpoint_test.py expects, and they reload with
 * the weights of the epoch that wrote them.
 */
class ModelCheckpointTest {

  @TempDir Path dir;

  /** Ends one scripted epoch per value of {@code key}, the kernel set to the epoch number. */
  private static void run(Model model, ModelCheckpoint checkpoint, String key, double... values) {
    checkpoint.onTrainBegin(model, Map.of());
    for (int epoch = 0; epoch < values.length; epoch++) {
      checkpoint.onEpochBegin(model, epoch, Map.of());
      Tiny.setKernel(model, epoch);
      Map<String, Double> logs = new HashMap<>();
      logs.put("loss", 1.0);
      logs.put(key, values[epoch]);
      checkpoint.onEpochEnd(model, epoch, logs);
    }
    checkpoint.onTrainEnd(model, Map.of());
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static float[] kernelIn(Path file) throws IOException {
    try (Model reloaded = ModelReader.create().read(file)) {
      return Tiny.kernel(reloaded);
    }
  }

  @Test
  void saveBestOnlyWritesImprovingEpochsThatReloadWithTheirWeights() throws IOException {
    try (Model model = Tiny.model()) {
      ModelCheckpoint checkpoint =
          new ModelCheckpoint(
              ModelCheckpointConfig.builder(dir.resolve("ckpt-{epoch:02d}-{val_loss:.2f}.keras"))
                  .saveBestOnly(true)
                  .build());
      run(model, checkpoint, "val_loss", 0.5, 0.4, 0.45, 0.3, 0.35);
      assertEquals(
          List.of("ckpt-01-0.50.keras", "ckpt-02-0.40.keras", "ckpt-04-0.30.keras"), files());
      assertArrayEquals(new float[] {0, 0}, kernelIn(dir.resolve("ckpt-01-0.50.keras")));
      assertArrayEquals(new float[] {1, 1}, kernelIn(dir.resolve("ckpt-02-0.40.keras")));
      assertArrayEquals(new float[] {3, 3}, kernelIn(dir.resolve("ckpt-04-0.30.keras")));
      assertEquals(0.3, checkpoint.best());
    }
  }

  @Test
  void aFixedFileHoldsTheBestWeights() throws IOException {
    Path file = dir.resolve("best.weights.h5");
    try (Model model = Tiny.model()) {
      ModelCheckpoint checkpoint =
          new ModelCheckpoint(
              ModelCheckpointConfig.builder(file)
                  .monitor("val_score")
                  .mode(Mode.MAX)
                  .saveBestOnly(true)
                  .saveWeightsOnly(true)
                  .build());
      run(model, checkpoint, "val_score", 0.1, 0.3, 0.2, 0.25);
      assertEquals(List.of("best.weights.h5"), files());
      Tiny.setKernel(model, 99);
      ModelReader.create().readWeights(model, file);
      assertArrayEquals(new float[] {1, 1}, Tiny.kernel(model));
    }
  }

  @Test
  void everyEpochAsLegacyH5() throws IOException {
    try (Model model = Tiny.model()) {
      ModelCheckpoint checkpoint =
          new ModelCheckpoint(ModelCheckpointConfig.builder(dir.resolve("m{epoch}.h5")).build());
      run(model, checkpoint, "val_loss", 3, 2, 1);
      assertEquals(List.of("m1.h5", "m2.h5", "m3.h5"), files());
      assertArrayEquals(new float[] {1, 1}, kernelIn(dir.resolve("m2.h5")));
    }
  }

  @Test
  void initialValueThresholdIsTheBestToBeat() throws IOException {
    try (Model model = Tiny.model()) {
      // Keras case 13: a val_loss never below the threshold 0 saves nothing.
      run(
          model,
          new ModelCheckpoint(
              ModelCheckpointConfig.builder(dir.resolve("none.keras"))
                  .saveBestOnly(true)
                  .initialValueThreshold(0.0)
                  .build()),
          "val_loss",
          0.5,
          0.2);
      assertEquals(List.of(), files());
      // Keras case 9: in max mode any value above -0.01 saves.
      run(
          model,
          new ModelCheckpoint(
              ModelCheckpointConfig.builder(dir.resolve("some.keras"))
                  .monitor("val_acc")
                  .mode(Mode.MAX)
                  .saveBestOnly(true)
                  .initialValueThreshold(-0.01)
                  .build()),
          "val_acc",
          0.0);
      assertEquals(List.of("some.keras"), files());
    }
  }

  @Test
  void aMissingQuantitySavesWithKerasWarning() throws IOException {
    try (Model model = Tiny.model();
        LogCapture log = LogCapture.of(ModelCheckpoint.class)) {
      ModelCheckpoint checkpoint =
          new ModelCheckpoint(
              ModelCheckpointConfig.builder(dir.resolve("e{epoch}.keras"))
                  .saveBestOnly(true)
                  .build());
      run(model, checkpoint, "loss", 1, 2);
      assertEquals(List.of("e1.keras", "e2.keras"), files());
      assertEquals(
          List.of("Can save best model only with val_loss available."),
          log.messages(Level.WARNING));
    }
  }

  @Test
  void verboseLogsKerasMessages() {
    try (Model model = Tiny.model();
        LogCapture log = LogCapture.of(ModelCheckpoint.class)) {
      Path file = dir.resolve("v.keras");
      run(
          model,
          new ModelCheckpoint(
              ModelCheckpointConfig.builder(file).saveBestOnly(true).verbose(1).build()),
          "val_loss",
          0.5,
          0.75);
      assertEquals(
          List.of(
              "Epoch 1: val_loss improved from None to 0.50000, saving model to " + file,
              "Epoch 1: finished saving model to " + file,
              "Epoch 2: val_loss did not improve from 0.50000"),
          log.messages(Level.INFO));
    }
  }

  @Test
  void createsMissingFolders() throws IOException {
    try (Model model = Tiny.model()) {
      Path file = dir.resolve("sub").resolve("dir").resolve("checkpoint.keras");
      run(model, new ModelCheckpoint(ModelCheckpointConfig.builder(file).build()), "val_loss", 1);
      assertTrue(Files.isRegularFile(file));
    }
  }

  @Test
  void refusesWhatKerasRefuses() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelCheckpointConfig.builder("w.keras").saveWeightsOnly(true).build());
    assertThrows(
        IllegalArgumentException.class, () -> ModelCheckpointConfig.builder("m.tf").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelCheckpointConfig.builder("m.keras").saveFreq("batch"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelCheckpointConfig.builder("m.keras").saveFreq(0).build());
    try (Model model = Tiny.model()) {
      String pattern = dir.resolve("{val_acc:.2f}.keras").toString();
      ModelCheckpoint checkpoint =
          new ModelCheckpoint(ModelCheckpointConfig.builder(pattern).build());
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> checkpoint.onEpochEnd(model, 0, Map.of("val_loss", 1.0)));
      assertEquals(
          "Failed to format this callback filepath: \"" + pattern + "\". Reason: 'val_acc'",
          e.getMessage());
    }
  }

  @Test
  void saveFreqCountsBatchesAcrossEpochs() throws IOException {
    try (Model model = Tiny.model()) {
      ModelCheckpoint checkpoint =
          new ModelCheckpoint(
              ModelCheckpointConfig.builder(dir.resolve("checkpoint.epoch{epoch:02d}.keras"))
                  .saveFreq(15)
                  .build());
      // Keras case 8a: 5 batches per epoch and a save every 15 batches: epochs 3, 6 and 9.
      Tiny.fit(
          model,
          30,
          FitOptions.builder()
              .batchSize(6)
              .epochs(10)
              .seed(1)
              .verbose(0)
              .callback(checkpoint)
              .build());
      assertEquals(
          List.of(
              "checkpoint.epoch03.keras", "checkpoint.epoch06.keras", "checkpoint.epoch09.keras"),
          files());
    }
  }

  @Test
  void batchFieldsNameEachBatchSave() throws IOException {
    try (Model model = Tiny.model()) {
      ModelCheckpoint checkpoint =
          new ModelCheckpoint(
              ModelCheckpointConfig.builder(dir.resolve("e{epoch}b{batch}-{loss:.1e}.weights.h5"))
                  .saveWeightsOnly(true)
                  .saveFreq(1)
                  .build());
      Tiny.fit(
          model,
          12,
          FitOptions.builder()
              .batchSize(6)
              .epochs(2)
              .seed(1)
              .verbose(0)
              .callback(checkpoint)
              .build());
      List<String> files = files();
      assertEquals(4, files.size(), files.toString());
      for (String prefix : List.of("e1b1-", "e1b2-", "e2b1-", "e2b2-")) {
        assertTrue(files.stream().anyMatch(f -> f.startsWith(prefix)), prefix + " in " + files);
      }
    }
  }

  @Test
  void theLastEpochOfARealFitReloadsAsTheTrainedModel() throws IOException {
    Path file = dir.resolve("last.keras");
    try (Model model = Tiny.model()) {
      Tiny.fit(
          model,
          16,
          FitOptions.builder()
              .batchSize(4)
              .epochs(3)
              .seed(1)
              .validationSplit(0.25)
              .verbose(0)
              .callback(new ModelCheckpoint(ModelCheckpointConfig.builder(file).build()))
              .build());
      float[][] x = Tiny.xs(4);
      float[][] expected = model.predict(x);
      try (Model reloaded = ModelReader.create().read(file)) {
        assertArrayEquals(Tiny.kernel(model), Tiny.kernel(reloaded));
        float[][] actual = reloaded.predict(x);
        for (int i = 0; i < x.length; i++) assertArrayEquals(expected[i], actual[i]);
      }
    }
  }
}

package io.keras4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.internal.JavaArrays;
import io.keras4j.io.ModelWriter;
import io.keras4j.io.ReadLimits;
import io.keras4j.io.WeightValues;
import io.keras4j.io.h5.ReferenceFile;
import io.keras4j.io.keras.KerasArchive;
import io.keras4j.models.Model;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.UnknownObjectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;

/**
 * Every fixture model loads, saves to {@code .keras} and {@code .h5}, reloads, and gives
 * bit-identical outputs to the first load; the saved HDF5 trees match the trees Keras wrote.
 */
class SavingTest {

  private static final ModelWriter WRITER =
      ModelWriter.create().withRegistry(ConformanceTest.READER.registry());

  @TempDir static Path dir;

  @TestFactory
  Stream<DynamicTest> saveAndReload() {
    return KerasFixtures.cases().stream()
        .filter(c -> !c.hasTag("security"))
        .flatMap(
            c ->
                Stream.of(
                    dynamicTest(c.name() + " (.keras)", () -> roundTrip(c, "model.keras")),
                    dynamicTest(c.name() + " (.h5)", () -> roundTrip(c, "model.h5"))));
  }

  private static Model load(Path file) throws IOException {
    try {
      return ConformanceTest.READER.read(file);
    } catch (UnknownObjectException e) {
      Assumptions.abort("not implemented yet: " + e.key());
      throw e;
    }
  }

  private static void roundTrip(KerasFixtures.Case c, String fileName) throws Exception {
    Path saved = dir.resolve(c.name() + "-" + fileName);
    List<Object> before;
    try (Model model = load(c.model())) {
      before = predictions(c, model);
      WRITER.write(model, saved);
    }
    try (Model reloaded = load(saved)) {
      List<Object> after = predictions(c, reloaded);
      assertEquals(before.size(), after.size());
      for (int i = 0; i < before.size(); i++) {
        assertTrue(
            java.util.Objects.deepEquals(before.get(i), after.get(i)),
            "output " + i + " differs after saving to " + fileName);
      }
    }
    if (fileName.endsWith(".keras")) {
      Map<String, String> keras = kerasWeightsTree(c.model());
      Map<String, String> ours = kerasWeightsTree(saved);
      // MultiHeadAttention's inner Dropout and Softmax are named by Keras from a process-wide
      // counter (dropout_1, softmax_1, ...) and appear in no config: only the counts differ.
      for (Map<String, String> tree : List.of(keras, ours)) {
        tree.replaceAll(
            (path, d) ->
                path.matches(".*/_(dropout_layer|softmax)/vars/")
                    ? d.replaceAll("_\\d+}", "}")
                    : d);
      }
      assertEquals(keras, ours, "model.weights.h5 tree");
    } else if (KerasFixtures.exists(c.legacyH5())) {
      assertLegacyTreesMatch(H5Tree.of(c.legacyH5()), H5Tree.of(saved));
    }
  }

  private static List<Object> predictions(KerasFixtures.Case c, Model model) {
    Path io = c.isTraining() ? c.dir().resolve("train.h5") : c.io();
    List<Object> out = new ArrayList<>();
    try (ReferenceFile ref = ReferenceFile.read(io, c.isTraining() ? "x" : "inputs");
        Result r = model.predict(ref.inputs())) {
      for (int i = 0; i < r.size(); i++) out.add(JavaArrays.toArray(r.get(i)));
    }
    return out;
  }

  private static Map<String, String> kerasWeightsTree(Path archive) throws IOException {
    try (KerasArchive a = KerasArchive.open(archive, ReadLimits.DEFAULT)) {
      return H5Tree.of(a.weights());
    }
  }

  /**
   * The legacy trees agree except for what only identifies the writer: {@code backend} ("torch"
   * there, "tensorflow" here) and the root's {@code model_config}, which the config round-trip test
   * compares as JSON.
   */
  private static void assertLegacyTreesMatch(Map<String, String> keras, Map<String, String> ours) {
    assertEquals(keras.keySet(), ours.keySet(), "paths");
    for (String path : keras.keySet()) {
      if (path.equals("/")) continue;
      assertEquals(
          keras.get(path).replace("backend=torch", "backend=tensorflow"), ours.get(path), path);
    }
  }

  @Test
  void aFailureMidSaveLeavesTheOldFileIntact() throws Exception {
    KerasFixtures.Case c =
        KerasFixtures.cases().stream()
            .filter(x -> x.name().equals("dense_relu"))
            .findFirst()
            .orElseThrow();
    Path target = dir.resolve("atomic.keras");
    try (Model model = load(c.model())) {
      WRITER.write(model, target);
      byte[] good = Files.readAllBytes(target);
      AtomicInteger reads = new AtomicInteger();
      WeightValues real = WeightValues.of(model);
      WeightValues failing =
          w -> {
            if (reads.incrementAndGet() == 2) throw new IllegalStateException("disk on fire");
            return real.read(w);
          };
      for (String name : List.of("atomic.keras", "atomic.h5")) {
        Path t = dir.resolve(name);
        if (!Files.exists(t)) WRITER.write(model, t);
        byte[] before = Files.readAllBytes(t);
        IllegalStateException e =
            assertThrows(IllegalStateException.class, () -> WRITER.write(model, failing, t));
        assertEquals("disk on fire", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(t), name + " was damaged");
        reads.set(0);
      }
      assertArrayEquals(good, Files.readAllBytes(target));
      try (Stream<Path> files = Files.list(dir)) {
        assertTrue(
            files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
            "temporary files left");
      }
    }
  }

  @Test
  void metadataNamesTheKerasVersionAndDate() throws Exception {
    KerasFixtures.Case c =
        KerasFixtures.cases().stream()
            .filter(x -> x.name().equals("dense_relu"))
            .findFirst()
            .orElseThrow();
    Path target = dir.resolve("meta.keras");
    try (Model model = load(c.model())) {
      WRITER.write(model, target);
    }
    try (KerasArchive a = KerasArchive.open(target, ReadLimits.DEFAULT)) {
      JsonNode meta = a.metadata();
      assertEquals(ModelWriter.KERAS_VERSION, meta.get("keras_version").asText());
      assertTrue(
          meta.get("date_saved").asText().matches("\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d"));
      assertEquals(Set.of("keras_version", "date_saved"), fieldNames(meta));
    }
    TreeMap<String, String> unused = new TreeMap<>();
    assertTrue(unused.isEmpty());
    KerasJson.mapper();
  }

  private static Set<String> fieldNames(JsonNode n) {
    Set<String> out = new java.util.TreeSet<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}

package io.keras4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Input;
import io.keras4j.losses.MeanSquaredError;
import io.keras4j.models.Functional;
import io.keras4j.models.Model;
import io.keras4j.optimizers.SGD;
import io.keras4j.testing.LogCapture;
import io.keras4j.training.Compile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's {@code compile_config} compiles the model it loads, or says why it cannot. */
class CompileConfigTest {

  @TempDir Path dir;

  private Path saved() throws IOException {
    KerasTensor x = Input.of(3);
    Path file = dir.resolve("model.keras");
    try (Model m =
        new Functional(
            LayerArgs.named("compiled"), x, new Dense(DenseConfig.builder(2).build()).apply(x))) {
      m.compile(Compile.builder().optimizer(new SGD()).loss(new MeanSquaredError()).build());
      ModelWriter.create().write(m, file);
    }
    return file;
  }

  /** The archive with {@code from} replaced by {@code to} in its config.json. */
  private Path edited(Path file, String from, String to) throws IOException {
    Path out = dir.resolve("edited.keras");
    try (ZipFile in = new ZipFile(file.toFile());
        OutputStream os = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] bytes;
        try (InputStream is = in.getInputStream(e)) {
          bytes = is.readAllBytes();
        }
        if (e.getName().equals("config.json")) {
          String json = new String(bytes, StandardCharsets.UTF_8);
          assertTrue(json.contains(from), json);
          bytes = json.replace(from, to).getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    return out;
  }

  @Test
  void aSavedCompiledModelLoadsCompiled() throws IOException {
    try (Model m = ModelReader.create().read(saved())) {
      assertTrue(m.compileOptions().isPresent());
    }
  }

  @Test
  void aLossKeras4jLacksLeavesTheModelServingAndSaysWhy() throws IOException {
    Path file = edited(saved(), "\"MeanSquaredError\"", "\"NoSuchLoss\"");
    try (LogCapture log = LogCapture.of(ModelReader.class);
        Model m = ModelReader.create().read(file)) {
      assertTrue(m.compileOptions().isEmpty());
      assertEquals(1, m.predict(new float[][] {{1, 2, 3}}).length);
      List<String> warnings = log.messages(Level.WARNING);
      assertEquals(1, warnings.size(), warnings.toString());
      String w = warnings.get(0);
      assertTrue(w.contains("Model 'compiled' from " + file + " is left uncompiled"), w);
      assertTrue(w.contains("NoSuchLoss"), w);
    }
  }
}

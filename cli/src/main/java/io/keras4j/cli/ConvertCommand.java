package io.keras4j.cli;

import io.keras4j.io.ModelFileException;
import io.keras4j.io.ModelWriter;
import io.keras4j.io.savedmodel.SavedModelExporter;
import io.keras4j.models.Model;
import io.keras4j.serialization.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keras4j convert}: between Keras' formats, and to a SavedModel for serving. */
@Command(
    name = "convert",
    description =
        "Converts IN (.keras or .h5) to OUT: a .keras archive, a legacy .h5, a .weights.h5, or,"
            + " for any other name, a TensorFlow SavedModel folder with a serving_default"
            + " signature.",
    mixinStandardHelpOptions = true)
final class ConvertCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT")
  Path out;

  @Mixin CustomLayers custom;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try (Model model = custom.reader().read(in)) {
      String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".keras") || name.endsWith(".h5") || name.endsWith(".hdf5")) {
        ModelWriter.create().withRegistry(custom.reader().registry()).write(model, out);
        spec.commandLine().getOut().println("wrote " + out);
      } else {
        SavedModelExporter.export(model, out);
        spec.commandLine().getOut().println("exported SavedModel to " + out);
      }
      return 0;
    } catch (ModelFileException | ConfigException | IOException e) {
      err.println("keras4j convert: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("keras4j convert: " + in + ": " + e);
      return 2;
    }
  }
}

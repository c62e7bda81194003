package io.keras4j.cli;

import io.keras4j.io.ModelFileException;
import io.keras4j.io.h5.ReferenceFile;
import io.keras4j.models.Model;
import io.keras4j.serialization.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tensorflow.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keras4j verify}: does the Java model compute what Keras computed? */
@Command(
    name = "verify",
    description =
        "Loads MODEL, predicts on the inputs of IO_H5 and compares each output with the outputs"
            + " Keras computed: |java - keras| <= atol + rtol * |keras|. Exit code 0 on PASS, 1 on"
            + " FAIL, 2 when the model or reference cannot be loaded.",
    mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "MODEL",
      description = "a .keras or full-model .h5 file; with --weights, a JSON config")
  Path model;

  @Option(
      names = "--weights",
      paramLabel = "FILE",
      description = "weights for the JSON config MODEL: a Keras 3 .weights.h5 or a legacy .h5")
  Path weights;

  @Parameters(index = "1", paramLabel = "IO_H5", description = "reference inputs and outputs")
  Path reference;

  @Option(names = "--rtol", description = "relative tolerance (default: the file's, else 1e-5)")
  Double rtol;

  @Option(names = "--atol", description = "absolute tolerance (default: the file's, else 1e-5)")
  Double atol;

  @Mixin CustomLayers custom;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ReferenceFile ref = ReferenceFile.read(reference);
        Model m =
            weights == null ? custom.reader().read(model) : custom.reader().read(model, weights)) {
      double r = rtol != null ? rtol : ref.rtol() != null ? ref.rtol() : 1e-5;
      double a = atol != null ? atol : ref.atol() != null ? ref.atol() : 1e-5;
      List<OutputComparison> results = compare(m, ref, r, a);
      boolean pass = results.size() == ref.outputs().size();
      if (!pass) {
        out.printf(
            Locale.ROOT,
            "model has %d outputs, reference has %d%n",
            results.size(),
            ref.outputs().size());
      }
      for (OutputComparison c : results) {
        out.println(c.describe());
        pass &= c.withinTolerance();
      }
      out.printf(Locale.ROOT, "rtol %.1e atol %.1e%n", r, a);
      out.println(pass ? "PASS" : "FAIL");
      return pass ? 0 : 1;
    } catch (ModelFileException | ConfigException | IOException | UncheckedIOException e) {
      err.println("keras4j verify: " + describe(e));
      return 2;
    } catch (RuntimeException e) {
      err.println("keras4j verify: " + model + ": " + e);
      return 2;
    }
  }

  static List<OutputComparison> compare(Model m, ReferenceFile ref, double rtol, double atol) {
    List<OutputComparison> results = new ArrayList<>();
    try (Result r = m.predict(ref.inputs())) {
      int n = Math.min(r.size(), ref.outputs().size());
      for (int i = 0; i < n; i++) {
        ReferenceFile.Expected e = ref.outputs().get(i);
        results.add(OutputComparison.of(i, r.get(i), e.shape(), e.values(), rtol, atol));
      }
    }
    return results;
  }

  private String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return e.getMessage() + ": no such file";
    }
    return e.getMessage();
  }
}

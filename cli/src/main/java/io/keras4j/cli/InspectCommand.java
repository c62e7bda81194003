package io.keras4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.io.ModelFileException;
import io.keras4j.io.ModelReader;
import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.models.Model;
import io.keras4j.serialization.ConfigException;
import io.keras4j.serialization.KerasRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keras4j inspect}: what a model file holds and what it needs. */
@Command(
    name = "inspect",
    description =
        "Prints a model's summary table, its inputs and outputs with shapes and dtypes, and the"
            + " custom layers the file needs.",
    mixinStandardHelpOptions = true)
final class InspectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL")
  Path file;

  @Mixin CustomLayers custom;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelReader reader = custom.reader();
    TreeSet<String> needed = new TreeSet<>();
    TreeSet<String> missing = new TreeSet<>();
    try {
      collect(reader.readConfig(file), reader.registry(), needed, missing);
    } catch (ModelFileException | ConfigException | IOException e) {
      err.println("keras4j inspect: " + e.getMessage());
      return 2;
    }
    out.println(
        "custom layers needed: "
            + (needed.isEmpty() ? "none" : String.join(", ", needed))
            + (missing.isEmpty() ? "" : " (not registered: " + String.join(", ", missing) + ")"));
    if (!missing.isEmpty()) {
      err.println(
          "keras4j inspect: "
              + file
              + ": register "
              + String.join(", ", missing)
              + " with --custom KEY=CLASS to load the model");
      return 2;
    }
    try (Model model = reader.read(file)) {
      out.print(model.summary());
      print(out, "input", model.inputNames(), model.inputSpecs());
      print(out, "output", model.outputNames(), model.outputSpecs());
      return 0;
    } catch (ModelFileException | ConfigException | IOException e) {
      err.println("keras4j inspect: " + e.getMessage());
      return 2;
    }
  }

  private static void print(
      PrintWriter out, String kind, List<String> names, List<TensorSpec> specs) {
    for (int i = 0; i < specs.size(); i++) {
      out.printf(
          "%s %d: %s %s %s%n",
          kind,
          i,
          names.get(i),
          Shapes.toKeras(specs.get(i).shape()),
          DTypePolicy.kerasName(specs.get(i).dtype()));
    }
  }

  /** Registered names (custom layers) and unknown class names anywhere in the config. */
  private static void collect(
      JsonNode n, KerasRegistry registry, TreeSet<String> needed, TreeSet<String> missing) {
    if (n.isObject()) {
      JsonNode cls = n.get("class_name");
      if (cls != null && cls.isTextual() && n.has("config") && isLayerEntry(n)) {
        JsonNode reg = n.get("registered_name");
        String key =
            reg != null && reg.isTextual() && reg.asText().contains(">") ? reg.asText() : null;
        if (key != null) needed.add(key);
        String name = cls.asText();
        boolean known =
            (key != null && registry.layer(key).isPresent())
                || (key == null && (registry.layer(name).isPresent() || isModel(name)));
        if (!known) missing.add(key != null ? key : name);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        collect(it.next().getValue(), registry, needed, missing);
      }
    } else if (n.isArray()) {
      for (JsonNode x : n) collect(x, registry, needed, missing);
    }
  }

  private static boolean isModel(String name) {
    return name.equals("Functional") || name.equals("Model") || name.equals("Sequential");
  }

  /** Layers are the envelopes whose module is a layers or models module, or none (custom). */
  private static boolean isLayerEntry(JsonNode n) {
    JsonNode m = n.get("module");
    if (m == null || m.isNull()) {
      // Keras 2 nested layers carry no module: anything with a config object and a name.
      return n.path("config").isObject()
          && (n.has("registered_name") || n.path("config").has("name"));
    }
    String module = m.asText();
    return module.startsWith("keras.layers")
        || module.startsWith("keras.src.models")
        || module.equals("keras") && isModel(n.path("class_name").asText());
  }
}

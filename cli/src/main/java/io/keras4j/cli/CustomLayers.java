package io.keras4j.cli;

import io.keras4j.io.ModelReader;
import io.keras4j.layers.Layer;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --custom KEY=CLASS} option shared by the commands that load models. */
final class CustomLayers {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--custom",
      paramLabel = "KEY=CLASS",
      description =
          "resolve KEY (a registered_name such as seed>MyLayer, a class name, or the name of a"
              + " Lambda layer) to CLASS: a built-in layer class name or a fully qualified Java"
              + " class on the classpath with a constructor (ConfigRecord, LayerArgs)")
  List<String> mappings = new ArrayList<>();

  ModelReader reader() {
    KerasRegistry builtins = KerasRegistry.builtins();
    KerasRegistry.Builder b = builtins.toBuilder();
    for (String m : mappings) {
      int eq = m.lastIndexOf('=');
      if (eq <= 0 || eq == m.length() - 1) {
        throw new ParameterException(
            spec.commandLine(), "--custom expects KEY=CLASS, received '" + m + "'");
      }
      String key = m.substring(0, eq);
      String cls = m.substring(eq + 1);
      b.alias(key, type(builtins, key, cls));
    }
    return ModelReader.create().withRegistry(b.build());
  }

  private LayerType<?> type(KerasRegistry builtins, String key, String cls) {
    if (builtins.layer(cls).isPresent()) {
      return builtins.layer(cls).get();
    }
    Class<?> c;
    try {
      c = Class.forName(cls, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--custom "
              + key
              + "="
              + cls
              + ": no built-in layer and no class of that name on the classpath"
              + " (add its jar or folder with KERAS4J_CLASSPATH)");
    }
    if (!Layer.class.isAssignableFrom(c)) {
      throw new ParameterException(
          spec.commandLine(), "--custom " + key + "=" + cls + ": " + cls + " is not a Layer");
    }
    try {
      return LayerType.reflect(c.asSubclass(Layer.class), key.contains(">") ? key : null);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--custom " + key + "=" + cls + ": " + e.getMessage());
    }
  }
}

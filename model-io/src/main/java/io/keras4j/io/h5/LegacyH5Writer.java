package io.keras4j.io.h5;

import io.keras4j.io.WeightValues;
import io.keras4j.io.h5.hdf5.Hdf5Group;
import io.keras4j.io.h5.hdf5.Hdf5Writer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a full-model legacy {@code .h5} in Keras 3's dialect: root attributes {@code
 * model_config}, {@code keras_version}, {@code backend}; group {@code model_weights} with {@code
 * layer_names} and, per layer, {@code weight_names} (an empty float64 array for a layer without
 * weights, as h5py writes an empty list) and one dataset per weight at its Keras variable path
 * ({@code dense/kernel}, {@code block/dense_4/kernel}, {@code lstm/lstm_cell/bias}).
 */
public final class LegacyH5Writer {

  private LegacyH5Writer() {}

  public static void write(
      Model model, String modelConfig, String kerasVersion, WeightValues values, Path file)
      throws IOException {
    Hdf5Group root = new Hdf5Group();
    root.attribute("backend", "tensorflow");
    root.attribute("keras_version", kerasVersion);
    root.attribute("model_config", modelConfig);
    Hdf5Group weights = root.group("model_weights");
    List<String> layerNames = new ArrayList<>();
    // Keras builds a Sequential's layers inside its name scope: their paths start with it.
    String prefix = model instanceof Sequential ? model.name() + "/" : "";
    for (Layer layer : model.layers()) {
      layerNames.add(layer.name());
      writeLayer(weights.group(layer.name()), layer, prefix, values);
    }
    // Keras writes this group for the model's own weights but does not list it.
    weights.group("top_level_model_weights").attribute("weight_names", new double[0]);
    weights.attribute("backend", "tensorflow");
    weights.attribute("keras_version", kerasVersion);
    weights.attribute("layer_names", layerNames);
    Hdf5Writer.write(file, root);
  }

  private static void writeLayer(Hdf5Group group, Layer layer, String prefix, WeightValues values) {
    Map<Weight, String> paths = new LinkedHashMap<>();
    variablePaths(layer, prefix, paths);
    List<Weight> ordered = new ArrayList<>(layer.trainableWeights());
    ordered.addAll(layer.nonTrainableWeights());
    if (ordered.isEmpty()) {
      group.attribute("weight_names", new double[0]);
      return;
    }
    List<String> names = new ArrayList<>();
    for (Weight w : ordered) {
      String path = paths.get(w);
      names.add(path);
      Hdf5Group g = group;
      String[] parts = path.split("/");
      for (int i = 0; i < parts.length - 1; i++) g = g.group(parts[i]);
      g.dataset(parts[parts.length - 1], values.read(w));
    }
    group.attribute("weight_names", names);
  }

  /**
   * Keras 3's variable paths: the names of the layers from the top-level one down (a Sequential
   * adds its own name, a functional model does not), then the weight's name.
   */
  static void variablePaths(Layer layer, String prefix, Map<Weight, String> out) {
    String here = prefix + layer.name() + "/";
    for (Weight w : layer.ownWeights()) out.putIfAbsent(w, here + w.name());
    if (layer instanceof Model m) {
      // A functional model's layers were built outside its scope; a Sequential's inside it.
      String inner = m instanceof Sequential ? here : prefix;
      for (Layer l : m.layers()) variablePaths(l, inner, out);
    }
    for (Layer child : layer.children().values()) variablePaths(child, here, out);
  }
}

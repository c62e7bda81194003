package io.keras4j.io.h5;

import io.jhdf.api.WritableGroup;
import io.keras4j.io.WeightValues;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a full-model legacy {@code .h5} in Keras 3's dialect: root attributes {@code
 * model_config}, {@code keras_version}, {@code backend}; group {@code model_weights} with {@code
 * layer_names} and, per layer, {@code weight_names} and one dataset per weight at its Keras
 * variable path ({@code dense/kernel}, {@code block/dense_4/kernel}, {@code lstm/lstm_cell/bias}).
 *
 * <p>Two differences from h5py's output, both read the same by Keras: strings are stored as
 * fixed-length byte strings (jHDF's only string form; Keras decodes bytes), and a layer without
 * weights has no {@code weight_names} attribute instead of an empty float64 array (jHDF cannot
 * write empty arrays; Keras reads a missing list as empty).
 */
public final class LegacyH5Writer {

  private LegacyH5Writer() {}

  public static void write(
      Model model, String modelConfig, String kerasVersion, WeightValues values, Path file) {
    H5Writer.write(file, h5 -> {
      WritableGroup weights = h5.putGroup("model_weights");
      List<String> layerNames = new ArrayList<>();
      // Keras builds a Sequential's layers inside its name scope: their paths start with it.
      String prefix = model instanceof Sequential ? model.name() + "/" : "";
      for (Layer layer : model.layers()) {
        layerNames.add(layer.name());
        writeLayer(weights.putGroup(layer.name()), layer, prefix, values);
      }
      // Keras writes this group for the model's own weights but does not list it.
      weights.putGroup("top_level_model_weights");
      weights.putAttribute("layer_names", layerNames.toArray(new String[0]));
      weights.putAttribute("backend", "tensorflow");
      weights.putAttribute("keras_version", kerasVersion);
      h5.putAttribute("backend", "tensorflow");
      h5.putAttribute("keras_version", kerasVersion);
      h5.putAttribute("model_config", modelConfig);
    });
  }

  private static void writeLayer(
      WritableGroup group, Layer layer, String prefix, WeightValues values) {
    Map<Weight, String> paths = new LinkedHashMap<>();
    variablePaths(layer, prefix, paths);
    List<Weight> ordered = new ArrayList<>(layer.trainableWeights());
    ordered.addAll(layer.nonTrainableWeights());
    if (ordered.isEmpty()) return;
    List<String> names = new ArrayList<>();
    // Datasets are grouped by folder and written depth first (see KerasWeightsWriter).
    Node root = new Node();
    for (Weight w : ordered) {
      String path = paths.get(w);
      names.add(path);
      Node n = root;
      String[] parts = path.split("/");
      for (int i = 0; i < parts.length - 1; i++) {
        n = n.children.computeIfAbsent(parts[i], k -> new Node());
      }
      n.datasets.put(parts[parts.length - 1], w);
    }
    write(group, root, values);
    group.putAttribute("weight_names", names.toArray(new String[0]));
  }

  private static final class Node {
    final Map<String, Node> children = new TreeMap<>();
    final Map<String, Weight> datasets = new TreeMap<>();
  }

  private static void write(WritableGroup target, Node n, WeightValues values) {
    for (Map.Entry<String, Weight> d : n.datasets.entrySet()) {
      target.putDataset(d.getKey(), values.read(d.getValue()));
    }
    for (Map.Entry<String, Node> c : n.children.entrySet()) {
      write(target.putGroup(c.getKey()), c.getValue(), values);
    }
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

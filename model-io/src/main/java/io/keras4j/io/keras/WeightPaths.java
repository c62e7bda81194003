package io.keras4j.io.keras;

import io.keras4j.internal.Naming;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Keras 3's {@code model.weights.h5} keeps each variable: the path of its object in the
 * model's object tree ({@code layers/dense_1/vars/0}), which Keras derives from class names, not
 * layer names. Keras' {@code saving_lib} walk, in the same order: an object's own variables under
 * {@code vars}, then a model's layers under {@code layers/<snake_case_class>[_N]}, then the layers
 * a layer owns under their attribute names.
 */
public final class WeightPaths {

  /** One object of the tree: its path and its own weights, in order. */
  public record Entry(String path, Layer layer, List<Weight> weights) {}

  private WeightPaths() {}

  /** Every object of the model's tree that Keras visits, in Keras' order. */
  public static List<Entry> of(Model model) {
    List<Entry> out = new java.util.ArrayList<>();
    Set<Layer> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    walk(model, "", out, visited);
    return out;
  }

  /** The dataset path of every weight, such as {@code layers/dense/vars/0}. */
  public static Map<Weight, String> datasets(Model model) {
    Map<Weight, String> out = new LinkedHashMap<>();
    for (Entry e : of(model)) {
      for (int i = 0; i < e.weights().size(); i++) {
        out.putIfAbsent(e.weights().get(i), join(e.path(), "vars/" + i));
      }
    }
    return out;
  }

  private static void walk(Layer layer, String path, List<Entry> out, Set<Layer> visited) {
    if (!visited.add(layer)) return;
    out.add(new Entry(path, layer, layer.ownWeights()));
    if (layer instanceof Model m) {
      Map<String, Integer> used = new HashMap<>();
      for (Layer child : m.layers()) {
        String name = unique(Naming.toSnakeCase(child.getClass().getSimpleName()), used);
        walk(child, join(path, "layers/" + name), out, visited);
      }
    }
    for (Map.Entry<String, Layer> child : layer.children().entrySet()) {
      walk(child.getValue(), join(path, child.getKey()), out, visited);
    }
  }

  /** Keras' {@code _get_unique_name}: {@code dense}, {@code dense_1}, {@code dense_2}, ... */
  private static String unique(String name, Map<String, Integer> used) {
    Integer n = used.get(name);
    if (n == null) {
      used.put(name, 1);
      return name;
    }
    used.put(name, n + 1);
    return name + "_" + n;
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "/" + b;
  }
}

package io.keras4j.io.keras;

import io.jhdf.api.WritableGroup;
import io.keras4j.io.WeightValues;
import io.keras4j.io.h5.H5Writer;
import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes Keras 3's weights file ({@code model.weights.h5}): each object of the model's tree as a
 * group at its path (see {@link WeightPaths}) with a {@code vars} group named after the layer and
 * holding datasets {@code 0}, {@code 1}, ... in the layer's weight order.
 *
 * <p>The tree is assembled first and then handed to {@link H5Writer} depth first, each group
 * completely.
 */
public final class KerasWeightsWriter {

  private KerasWeightsWriter() {}

  /** One group of the file: its {@code vars} (if it is an object) and its child groups. */
  private static final class Group {
    final Map<String, Group> children = new TreeMap<>();
    WeightPaths.Entry entry;
  }

  public static void write(Model model, WeightValues values, Path file) {
    Group root = new Group();
    for (WeightPaths.Entry e : WeightPaths.of(model)) {
      Group g = root;
      if (!e.path().isEmpty()) {
        for (String part : e.path().split("/")) {
          g = g.children.computeIfAbsent(part, k -> new Group());
        }
      }
      g.entry = e;
    }
    H5Writer.write(file, h5 -> writeGroup(h5, root, values));
  }

  private static void writeGroup(WritableGroup target, Group g, WeightValues values) {
    if (g.entry != null) {
      WritableGroup vars = target.putGroup("vars");
      vars.putAttribute("name", g.entry.layer().name());
      List<Weight> weights = g.entry.weights();
      for (int i = 0; i < weights.size(); i++) {
        vars.putDataset(Integer.toString(i), values.read(weights.get(i)));
      }
    }
    for (Map.Entry<String, Group> child : g.children.entrySet()) {
      writeGroup(target.putGroup(child.getKey()), child.getValue(), values);
    }
  }
}

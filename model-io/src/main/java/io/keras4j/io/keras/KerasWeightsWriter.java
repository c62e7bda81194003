package io.keras4j.io.keras;

import io.keras4j.io.WeightValues;
import io.keras4j.io.h5.hdf5.Hdf5Group;
import io.keras4j.io.h5.hdf5.Hdf5Writer;
import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes Keras 3's weights file ({@code model.weights.h5}): each object of the model's tree as a
 * group at its path (see {@link WeightPaths}) with a {@code vars} group named after the layer and
 * holding datasets {@code 0}, {@code 1}, ... in the layer's weight order; then, for a compiled
 * model, the optimizer's variables under {@code optimizer/vars}.
 */
public final class KerasWeightsWriter {

  private KerasWeightsWriter() {}

  public static void write(Model model, WeightValues values, Path file) throws IOException {
    Hdf5Group root = new Hdf5Group();
    for (WeightPaths.Entry e : WeightPaths.of(model)) {
      Hdf5Group g = root;
      if (!e.path().isEmpty()) {
        for (String part : e.path().split("/")) g = g.group(part);
      }
      vars(g, e.layer().name(), e.weights(), values);
    }
    List<Weight> optimizer = model.optimizerVariables();
    if (!optimizer.isEmpty()) {
      String name = model.compileOptions().orElseThrow().optimizer().name();
      vars(root.group("optimizer"), name, optimizer, values);
    }
    Hdf5Writer.write(file, root);
  }

  private static void vars(Hdf5Group g, String name, List<Weight> weights, WeightValues values) {
    Hdf5Group vars = g.group("vars").attribute("name", name);
    for (int i = 0; i < weights.size(); i++) {
      vars.dataset(Integer.toString(i), values.read(weights.get(i)));
    }
  }
}

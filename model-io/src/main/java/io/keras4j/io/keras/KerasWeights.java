package io.keras4j.io.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.keras4j.io.ModelFileException;
import io.keras4j.io.ReadLimits;
import io.keras4j.io.h5.H5Tensors;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;

/**
 * Reads Keras 3's weights file ({@code model.weights.h5}, or a {@code .weights.h5} saved by {@code
 * save_weights}) into a built model: every variable by its path in the object tree, checked against
 * the model's weight count and shape at that path.
 */
public final class KerasWeights {

  private KerasWeights() {}

  /**
   * Assigns the weights in {@code file} to {@code model}, which must be built.
   *
   * @param source the file named in error messages (the {@code .keras} archive, or the weights
   *     file)
   */
  public static void load(Model model, HdfFile file, Path source, ReadLimits limits) {
    try {
      // Read every object's values, then assign them in one session run.
      Map<Weight, Tensor> all = new LinkedHashMap<>();
      try {
        for (WeightPaths.Entry entry : WeightPaths.of(model)) {
          String groupPath = entry.path().isEmpty() ? "vars" : entry.path() + "/vars";
          Group vars = group(file, groupPath);
          all.putAll(read(file, entry, source, limits, vars == null ? 0 : countDatasets(vars)));
        }
        model.assignWeights(all);
      } finally {
        all.values().forEach(Tensor::close);
      }
      List<Weight> optimizer = model.allOptimizerVariables();
      Group stored = group(file, "optimizer/vars");
      if (!optimizer.isEmpty() && stored != null) {
        // Keras saves an optimizer that never trained with only its iteration count and learning
        // rate (it creates the slots on the first step): those load, and the slots start fresh.
        int count = Math.min(countDatasets(stored), optimizer.size());
        WeightPaths.Entry entry =
            new WeightPaths.Entry("optimizer", model, optimizer.subList(0, count));
        Map<Weight, Tensor> values = read(file, entry, source, limits, countDatasets(stored));
        try {
          model.assignOptimizerState(List.copyOf(values.values()));
        } catch (IllegalArgumentException e) {
          throw new ModelFileException(source, e.getMessage() + " at /optimizer/vars", e);
        } finally {
          values.values().forEach(Tensor::close);
        }
      }
    } catch (ModelFileException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ModelFileException(source, "cannot read weights: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the datasets {@code vars/0..} of an object into tensors for its weights, checking the
   * number stored and each shape against the model's.
   */
  private static Map<Weight, Tensor> read(
      HdfFile file, WeightPaths.Entry entry, Path source, ReadLimits limits, int stored) {
    String groupPath = entry.path().isEmpty() ? "vars" : entry.path() + "/vars";
    List<Weight> weights = entry.weights();
    Group vars = group(file, groupPath);
    if (stored != weights.size()) {
      throw new ModelFileException(
          source,
          "layer '"
              + entry.layer().name()
              + "' has "
              + weights.size()
              + " weights but "
              + KerasArchive.WEIGHTS
              + " holds "
              + stored
              + " at /"
              + groupPath);
    }
    Map<Weight, Tensor> values = new LinkedHashMap<>();
    try {
      for (int i = 0; i < weights.size(); i++) {
        Weight w = weights.get(i);
        Node n = vars.getChild(Integer.toString(i));
        if (!(n instanceof Dataset ds)) {
          throw new ModelFileException(
              source, "expected a dataset at /" + groupPath + "/" + i + " for " + w.path());
        }
        Shape shape = H5Tensors.shape(ds);
        if (shape.size() > limits.maxWeightElements()) {
          throw new ModelFileException(
              source,
              "/"
                  + groupPath
                  + "/"
                  + i
                  + " is larger than the limit of "
                  + limits.maxWeightElements()
                  + " elements");
        }
        if (!shape.equals(w.shape())
            && !(shape.numDimensions() == 0 && w.shape().numDimensions() == 0)) {
          throw new ModelFileException(
              source,
              "weight '"
                  + w.path()
                  + "' of layer '"
                  + entry.layer().name()
                  + "' has shape "
                  + Shapes.toKeras(w.shape())
                  + " in the config but "
                  + Shapes.toKeras(shape)
                  + " at /"
                  + groupPath
                  + "/"
                  + i);
        }
        values.put(w, H5Tensors.read(ds, w.dtype()));
      }
      return values;
    } catch (RuntimeException e) {
      values.values().forEach(Tensor::close);
      throw e;
    }
  }

  private static Group group(HdfFile file, String path) {
    Node n;
    try {
      n = file.getByPath(path);
    } catch (RuntimeException missing) {
      return null;
    }
    return n instanceof Group g ? g : null;
  }

  private static int countDatasets(Group g) {
    int n = 0;
    for (Node child : g.getChildren().values()) {
      if (child instanceof Dataset) n++;
    }
    return n;
  }
}

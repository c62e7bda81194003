package io.keras4j.io.h5;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.keras4j.io.ModelFileException;
import io.keras4j.io.ReadLimits;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;

/**
 * Keras' legacy HDF5 weights ({@code model_weights} of a full-model {@code .h5}, or the root of a
 * {@code save_weights} {@code .h5}), in the dialects of Keras 2 and Keras 3. As Keras does, weights
 * are matched by order, not by name: the file's layers that have weights pair with the model's
 * layers that have weights, and inside a layer the file's {@code weight_names} pair with the
 * layer's trainable then non-trainable weights.
 */
public final class LegacyWeights {

  private LegacyWeights() {}

  /** Whether {@code group} holds legacy weights (a {@code layer_names} attribute). */
  public static boolean isLegacyWeightsGroup(Node group) {
    return H5Attributes.has(group, "layer_names");
  }

  /** Assigns the weights in {@code group} to the built {@code model}. */
  public static void load(Model model, Group group, Path source, ReadLimits limits) {
    List<String> fileLayers = new ArrayList<>();
    for (String name : H5Attributes.stringList(group, "layer_names")) {
      Node n = group.getChild(name);
      if (!(n instanceof Group g)) {
        throw new ModelFileException(
            source,
            "layer_names lists '" + name + "' but " + group.getPath() + " has no such group");
      }
      if (!H5Attributes.stringList(g, "weight_names").isEmpty()) fileLayers.add(name);
    }
    List<Layer> modelLayers = new ArrayList<>();
    for (Layer l : model.layers()) {
      if (!l.weights().isEmpty()) modelLayers.add(l);
    }
    if (fileLayers.size() != modelLayers.size()) {
      throw new ModelFileException(
          source,
          "holds weights for "
              + fileLayers.size()
              + " layers "
              + fileLayers
              + " but the model has "
              + modelLayers.size()
              + " layers with weights "
              + modelLayers.stream().map(Layer::name).toList());
    }
    for (int k = 0; k < fileLayers.size(); k++) {
      Group g = (Group) group.getChild(fileLayers.get(k));
      loadLayer(model, modelLayers.get(k), g, source, limits);
    }
  }

  private static void loadLayer(Model model, Layer layer, Group g, Path source, ReadLimits limits) {
    List<String> names = H5Attributes.stringList(g, "weight_names");
    List<Weight> weights = new ArrayList<>(layer.trainableWeights());
    weights.addAll(layer.nonTrainableWeights());
    if (names.size() != weights.size()) {
      throw new ModelFileException(
          source,
          "layer '"
              + layer.name()
              + "' has "
              + weights.size()
              + " weights but "
              + g.getPath()
              + " lists "
              + names.size()
              + ": "
              + names);
    }
    Map<Weight, Tensor> values = new LinkedHashMap<>();
    try {
      for (int i = 0; i < names.size(); i++) {
        Weight w = weights.get(i);
        Node n = g.getByPath(names.get(i));
        if (!(n instanceof Dataset ds)) {
          throw new ModelFileException(
              source, g.getPath() + "/" + names.get(i) + " is not a dataset");
        }
        Shape shape = H5Tensors.shape(ds);
        if (shape.size() > limits.maxWeightElements()) {
          throw new ModelFileException(
              source,
              ds.getPath()
                  + " is larger than the limit of "
                  + limits.maxWeightElements()
                  + " elements");
        }
        if (!shape.equals(w.shape())) {
          throw new ModelFileException(
              source,
              "weight '"
                  + w.path()
                  + "' has shape "
                  + Shapes.toKeras(w.shape())
                  + " in the config but "
                  + Shapes.toKeras(shape)
                  + " at "
                  + ds.getPath());
        }
        values.put(w, H5Tensors.read(ds, w.dtype()));
      }
      model.assignWeights(values);
    } finally {
      values.values().forEach(Tensor::close);
    }
  }
}

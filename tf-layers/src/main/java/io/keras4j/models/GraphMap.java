package io.keras4j.models;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes and layers of a functional graph between given inputs and outputs, ordered as Keras'
 * {@code map_graph} orders them: nodes from inputs to outputs, layers by decreasing depth and then
 * by first visit.
 */
record GraphMap(List<Node> nodes, List<Layer> layers) {

  static GraphMap of(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    Set<Node> finished = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Node> ordered = new ArrayList<>();
    Map<Layer, Integer> layerIndex = new IdentityHashMap<>();
    Set<KerasTensor> inputSet = Collections.newSetFromMap(new IdentityHashMap<>());
    inputSet.addAll(inputs);
    for (KerasTensor out : outputs) {
      visit(out, inputSet, finished, inProgress, ordered, layerIndex);
    }

    // Depths: outputs are 0, a node's parents are deeper.
    Set<Node> inGraph = Collections.newSetFromMap(new IdentityHashMap<>());
    inGraph.addAll(ordered);
    Map<Node, Integer> nodeDepth = new IdentityHashMap<>();
    Map<Layer, Integer> layerDepth = new LinkedHashMap<>();
    for (int i = ordered.size() - 1; i >= 0; i--) {
      Node node = ordered.get(i);
      int depth = nodeDepth.getOrDefault(node, 0);
      depth = Math.max(depth, layerDepth.getOrDefault(node.layer(), 0));
      layerDepth.put(node.layer(), depth);
      nodeDepth.put(node, depth);
      if (!node.isInput()) {
        for (KerasTensor in : node.inputs()) {
          Node parent = in.node();
          if (inGraph.contains(parent)) {
            nodeDepth.merge(parent, depth + 1, Math::max);
          }
        }
      }
    }
    for (KerasTensor in : inputs) {
      Layer l = in.layer();
      if (!layerDepth.containsKey(l) && in.node().isInput()) {
        layerDepth.put(l, 0);
        layerIndex.put(l, -1);
        ordered.add(0, in.node());
      }
    }
    List<Layer> layers = new ArrayList<>(layerDepth.keySet());
    layers.sort(
        Comparator.comparingInt((Layer l) -> -layerDepth.get(l))
            .thenComparingInt(l -> layerIndex.getOrDefault(l, Integer.MAX_VALUE)));
    checkConnected(inputs, ordered);
    checkUniqueNames(layers);
    return new GraphMap(List.copyOf(ordered), List.copyOf(layers));
  }

  private static void visit(
      KerasTensor tensor,
      Set<KerasTensor> inputs,
      Set<Node> finished,
      Set<Node> inProgress,
      List<Node> ordered,
      Map<Layer, Integer> layerIndex) {
    Node node = tensor.node();
    if (finished.contains(node)) return;
    if (!node.isInput() && inputs.contains(tensor)) {
      finished.add(node);
      return;
    }
    if (inProgress.contains(node)) {
      throw new IllegalArgumentException(
          "Tensor " + tensor + " from layer '" + node.layer().name() + "' is part of a cycle");
    }
    layerIndex.putIfAbsent(node.layer(), layerIndex.size());
    inProgress.add(node);
    if (!node.isInput()) {
      for (KerasTensor in : node.inputs()) {
        visit(in, inputs, finished, inProgress, ordered, layerIndex);
      }
    }
    finished.add(node);
    inProgress.remove(node);
    ordered.add(node);
  }

  private static void checkConnected(List<KerasTensor> inputs, List<Node> ordered) {
    Set<KerasTensor> computable = Collections.newSetFromMap(new IdentityHashMap<>());
    computable.addAll(inputs);
    List<String> done = new ArrayList<>();
    for (Node node : ordered) {
      if (node.isInput() && !computable.contains(node.outputs().get(0))) {
        throw new IllegalArgumentException(
            "Graph disconnected: cannot find parent for tensor "
                + node.outputs().get(0)
                + " of input layer '"
                + node.layer().name()
                + "', which is not an input of the model. The following previous layers were"
                + " accessed without issue: "
                + done);
      }
      for (KerasTensor x : node.inputs()) {
        if (!computable.contains(x)) {
          throw new IllegalArgumentException(
              "Graph disconnected: cannot find parent for tensor "
                  + x
                  + " at layer '"
                  + node.layer().name()
                  + "'. The following previous layers were accessed without issue: "
                  + done);
        }
      }
      done.add(node.layer().name());
      computable.addAll(node.outputs());
    }
  }

  private static void checkUniqueNames(List<Layer> layers) {
    Set<String> names = new HashSet<>();
    for (Layer l : layers) {
      if (!names.add(l.name())) {
        throw new IllegalArgumentException(
            "The name \""
                + l.name()
                + "\" is used more than once in the model. All layer names"
                + " should be unique.");
      }
    }
  }
}

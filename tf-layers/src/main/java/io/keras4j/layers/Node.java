package io.keras4j.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One application of a layer to symbolic inputs: the arguments it was called with and the tensors
 * it produced. Keras' {@code Node}; a functional model is a graph of nodes.
 */
public final class Node {

  private final Layer layer;
  private final CallArgs args;
  private final List<KerasTensor> outputs;

  Node(Layer layer, CallArgs args, List<TensorSpec> outputSpecs) {
    this.layer = layer;
    this.args = args;
    List<KerasTensor> out = new ArrayList<>(outputSpecs.size());
    for (int i = 0; i < outputSpecs.size(); i++) {
      out.add(new KerasTensor(outputSpecs.get(i), this, i));
    }
    this.outputs = Collections.unmodifiableList(out);
  }

  public Layer layer() {
    return layer;
  }

  /** The arguments of the call, with their structure (lists, keyword arguments). */
  public CallArgs args() {
    return args;
  }

  /** The tensors among the arguments, in order. */
  public List<KerasTensor> inputs() {
    return args.tensors();
  }

  public List<KerasTensor> outputs() {
    return outputs;
  }

  /** Whether this node has no inputs (an {@code InputLayer}'s node). */
  public boolean isInput() {
    return args.tensors().isEmpty();
  }

  /** This node's position among its layer's nodes, as Keras' {@code keras_history} counts. */
  public int index() {
    return layer.inboundNodes().indexOf(this);
  }
}

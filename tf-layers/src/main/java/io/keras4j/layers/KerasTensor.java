package io.keras4j.layers;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.family.TType;

/**
 * A symbolic tensor of the functional API: the output {@code index} of a {@link Node} (a layer
 * applied to symbolic inputs), with its static shape and dtype. Keras' {@code KerasTensor}.
 *
 * <pre>{@code
 * KerasTensor x = Input.of(8);
 * KerasTensor y = new Dense(DenseConfig.builder(4).build()).apply(x);
 * }</pre>
 */
public final class KerasTensor {

  private final TensorSpec spec;
  private final Node node;
  private final int index;

  KerasTensor(TensorSpec spec, Node node, int index) {
    this.spec = spec;
    this.node = node;
    this.index = index;
  }

  public Shape shape() {
    return spec.shape();
  }

  public Class<? extends TType> dtype() {
    return spec.dtype();
  }

  public TensorSpec spec() {
    return spec;
  }

  /** The node that produced this tensor. */
  public Node node() {
    return node;
  }

  /** Which output of its node this tensor is. */
  public int index() {
    return index;
  }

  /** The layer that produced this tensor. */
  public Layer layer() {
    return node.layer();
  }

  @Override
  public String toString() {
    return "KerasTensor[" + spec + ", from " + node.layer().name() + "]";
  }
}

package io.keras4j.internal;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Weight;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;

/**
 * Infers a layer's output shapes and dtypes by building it on placeholders in a scratch graph, as
 * Keras' {@code compute_output_spec} does by symbolic tracing. Nothing is run.
 */
public final class OutputSpecTracer {

  private OutputSpecTracer() {}

  public static List<TensorSpec> trace(Layer layer, List<TensorSpec> inputs) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Operand<?>> placeholders = new ArrayList<>();
      for (TensorSpec in : inputs) {
        placeholders.add(tf.placeholder(in.dtype(), Placeholder.shape(in.shape())));
      }
      List<Operand<?>> out = layer.apply(tf, placeholders, CallContext.inference());
      List<TensorSpec> specs = out.stream().map(o -> new TensorSpec(o.shape(), o.type())).toList();
      for (Weight w : layer.weights()) {
        w.detach(g);
      }
      return specs;
    }
  }
}

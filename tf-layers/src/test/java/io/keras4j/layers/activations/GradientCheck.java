package io.keras4j.layers.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Checks that training can differentiate a layer: every op it builds has a gradient. */
final class GradientCheck {

  private GradientCheck() {}

  static void assertDifferentiable(Layer layer, Shape shape) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
      @SuppressWarnings("unchecked")
      Operand<TFloat32> y =
          (Operand<TFloat32>) layer.apply(tf, List.of(x), CallContext.of(true)).get(0);
      Output<?>[] grads = g.addGradients(y.asOutput(), new Output<?>[] {x.asOutput()});
      assertEquals(shape, grads[0].shape(), "gradient shape");
      layer.weights().forEach(w -> w.detach(g));
    }
  }
}

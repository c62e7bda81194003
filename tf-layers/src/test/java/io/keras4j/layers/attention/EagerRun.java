package io.keras4j.layers.attention;

import io.keras4j.internal.JavaArrays;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** Calls layers eagerly on Java arrays, with masks and call arguments; closes what it opened. */
final class EagerRun implements AutoCloseable {

  private final EagerSession session = EagerSession.create();
  private final List<Layer> layers = new ArrayList<>();
  final Ops tf = Ops.create(session);

  Operand<TFloat32> tensor(float[][][] x) {
    return tf.constant(x);
  }

  Operand<TBool> mask(boolean[][] m) {
    return tf.constant(m);
  }

  /** The layer's outputs, each as a {@code float[][][]} or deeper array. */
  List<Object> call(Layer layer, CallContext context, Operand<?>... inputs) {
    layers.add(layer);
    List<Object> out = new ArrayList<>();
    for (Operand<?> y : layer.apply(tf, List.of(inputs), context)) {
      out.add(JavaArrays.toArray(y.asTensor()));
    }
    return out;
  }

  @Override
  public void close() {
    layers.forEach(l -> l.weights().forEach(w -> w.detach(session)));
    session.close();
  }
}

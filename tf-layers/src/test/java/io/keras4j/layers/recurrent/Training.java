package io.keras4j.layers.recurrent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * One step of gradient descent on a layer in a graph, which is what training does: TensorFlow Java
 * must be able to differentiate every op the layer builds (it aborts the JVM on a {@code while}
 * loop, and fails on an op without a registered gradient), and the step must lower the loss.
 */
final class Training {

  private Training() {}

  /** Takes one gradient step on {@code sum((y - 0.5)^2)} and checks that the loss went down. */
  static void assertOneStepLowersTheLoss(Layer layer, float[][][] x) {
    step(layer, StdArrays.ndCopyOf(x), false, true);
  }

  /** The same for inputs of rank 5, such as sequences of images. */
  static void assertOneStepLowersTheLoss(Layer layer, float[][][][][] x) {
    step(layer, StdArrays.ndCopyOf(x), false, true);
  }

  /**
   * Takes one gradient step in training mode, where dropout draws new masks at every run, so the
   * loss need not go down: checks that the step runs and stays finite.
   */
  static void assertTrainingStepRuns(Layer layer, float[][][] x) {
    step(layer, StdArrays.ndCopyOf(x), true, false);
  }

  private static void step(Layer layer, FloatNdArray x, boolean training, boolean lower) {
    try (Graph g = new Graph();
        Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      List<Operand<?>> out = layer.apply(tf, List.of(tf.constant(x)), CallContext.of(training));
      @SuppressWarnings("unchecked")
      Operand<TFloat32> y = (Operand<TFloat32>) out.get(0);
      Operand<TFloat32> loss =
          tf.reduceSum(
              tf.math.square(tf.math.sub(y, tf.constant(0.5f))),
              tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
      List<Weight> weights = layer.trainableWeights();
      List<Operand<?>> handles = new ArrayList<>();
      for (Weight w : weights) handles.add(w.handle(tf));
      Gradients grads = tf.gradients(loss, handles);
      List<Op> init = new ArrayList<>();
      List<Op> step = new ArrayList<>();
      for (int i = 0; i < weights.size(); i++) {
        Weight w = weights.get(i);
        init.add(
            tf.assignVariableOp(
                handles.get(i), w.initializer().call(tf, w.shape(), TFloat32.class)));
        Operand<TFloat32> grad = Tensors.as(grads.dy(i), TFloat32.class);
        step.add(tf.assignSubVariableOp(handles.get(i), tf.math.mul(grad, tf.constant(0.05f))));
      }
      Session.Runner r = session.runner();
      init.forEach(r::addTarget);
      r.run();
      float before = value(session, loss);
      Session.Runner s = session.runner();
      step.forEach(s::addTarget);
      s.run();
      float after = value(session, loss);
      assertTrue(Float.isFinite(after), "loss " + before + " -> " + after);
      if (lower) assertTrue(after < before, "loss " + before + " -> " + after);
      weights.forEach(w -> w.detach(g));
    }
  }

  private static float value(Session session, Operand<? extends TType> loss) {
    try (Result r = session.runner().fetch(loss).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }
}

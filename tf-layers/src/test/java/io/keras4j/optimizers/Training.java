package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TType;

/**
 * Runs an optimizer's training steps in a TensorFlow graph, as a model's training loop does:
 * float32 weights with given values, gradients fed (or computed from the weights in the graph), one
 * session run per step, values read back as doubles.
 */
final class Training implements AutoCloseable {

  /** A float32 weight with its initial values (row-major) and an optional constraint. */
  record Param(String path, Shape shape, float[] values, @Nullable Constraint constraint) {
    Param(String path, Shape shape, float[] values) {
      this(path, shape, values, null);
    }
  }

  /** The initial values of a test weight. */
  private record Values(float[] values) implements Initializer {
    @Override
    public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
      return tf.dtypes.cast(tf.constant(shape, DataBuffers.of(values, true, false)), dtype);
    }
  }

  final Graph graph = new Graph();
  final Ops tf = Ops.create(graph);
  final Session session = new Session(graph);
  final Optimizer optimizer;
  final List<Weight> weights = new ArrayList<>();
  private final List<Placeholder<TFloat32>> gradients = new ArrayList<>();
  private final Op step;

  private Training(
      Optimizer optimizer,
      List<Param> params,
      @Nullable BiFunction<Ops, List<Weight>, List<Operand<?>>> computed) {
    this(optimizer, params, computed, false);
  }

  private Training(
      Optimizer optimizer,
      List<Param> params,
      @Nullable BiFunction<Ops, List<Weight>, List<Operand<?>>> computed,
      boolean afterReads) {
    this.optimizer = optimizer;
    weights.addAll(weights(params));
    List<Operand<?>> grads = new ArrayList<>();
    if (computed == null) {
      for (Param p : params) {
        Placeholder<TFloat32> g = tf.placeholder(TFloat32.class, Placeholder.shape(p.shape()));
        gradients.add(g);
        grads.add(g);
      }
    } else {
      grads.addAll(computed.apply(tf, weights));
    }
    optimizer.build(weights);
    if (afterReads) {
      // As a training step orders itself: after every read of the weights made so far.
      List<org.tensorflow.op.Op> reads = new ArrayList<>();
      for (Weight w : weights) {
        for (org.tensorflow.GraphOperation c :
            ((org.tensorflow.GraphOperation) w.handle(tf).op()).consumers()) {
          if (c.type().equals("ReadVariableOp"))
            reads.add(tf.withControlDependencyOps(List.of(c)).noOp());
        }
      }
      step = optimizer.applyAfterReads(tf.withControlDependencies(reads), grads, weights);
    } else {
      step = optimizer.apply(tf, grads, weights);
    }
    Session.Runner init = session.runner();
    List<Weight> all = new ArrayList<>(weights);
    all.addAll(optimizer.variables());
    for (Weight w : all) {
      init.addTarget(
          tf.assignVariableOp(w.handle(tf), w.initializer().call(tf, w.shape(), w.dtype())));
    }
    init.run().close();
  }

  /** Steps with fed gradients. */
  static Training of(Optimizer optimizer, List<Param> params) {
    return new Training(optimizer, params, null);
  }

  /**
   * Steps whose gradients the graph computes from the weights, applied with {@link
   * Optimizer#applyAfterReads} after the reads of the weights, as a training step applies them.
   */
  static Training computingAfterReads(
      Optimizer optimizer,
      List<Param> params,
      BiFunction<Ops, List<Weight>, List<Operand<?>>> gradients) {
    return new Training(optimizer, params, gradients, true);
  }

  /** Steps whose gradients the graph computes from the weights. */
  static Training computing(
      Optimizer optimizer,
      List<Param> params,
      BiFunction<Ops, List<Weight>, List<Operand<?>>> gradients) {
    return new Training(optimizer, params, gradients);
  }

  /** One training step with these gradients (one array per weight, row-major). */
  void step(float[]... grads) {
    Session.Runner r = session.runner();
    List<Tensor> fed = new ArrayList<>();
    try {
      for (int i = 0; i < gradients.size(); i++) {
        Shape shape = weights.get(i).shape();
        TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(grads[i], true, false));
        fed.add(t);
        r.feed(gradients.get(i), t);
      }
      r.addTarget(step).run().close();
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** The value of a weight or an optimizer variable, as doubles. */
  double[] read(Weight w) {
    return eval(w.read(tf));
  }

  /** The value of any operand of the graph, as doubles. */
  double[] eval(Operand<?> x) {
    try (Result r = session.runner().fetch(tf.dtypes.cast(x, TFloat64.class)).run()) {
      TFloat64 t = (TFloat64) r.get(0);
      double[] out = new double[(int) t.size()];
      t.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }

  // ------------------------------------------------------------------ test data and checks

  /** Two weights as a Dense layer has them: {@code dense/kernel (3, 2)}, {@code dense/bias (2)}. */
  static List<Param> dense(Random random) {
    return List.of(
        new Param("dense/kernel", Shape.of(3, 2), values(random, 6)),
        new Param("dense/bias", Shape.of(2), values(random, 2)));
  }

  /** Weights of these shapes and names, outside any graph (to build optimizers on). */
  static List<Weight> weights(List<Param> params) {
    List<Weight> out = new ArrayList<>();
    for (Param p : params) {
      String[] parts = p.path().split("/");
      out.add(
          Weight.create(
              parts[parts.length - 1],
              p.path(),
              p.shape(),
              TFloat32.class,
              WeightOptions.of(new Values(p.values())).constraint(p.constraint())));
    }
    return out;
  }

  /** Gradients for {@link #dense} weights: one array per weight. */
  static float[][] denseGradients(Random random) {
    return new float[][] {values(random, 6), values(random, 2)};
  }

  /** Uniform values in [-1, 1), float32. */
  static float[] values(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = random.nextFloat() * 2 - 1;
    return v;
  }

  static double[] doubles(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) d[i] = v[i];
    return d;
  }

  static double[][] doubles(float[][] v) {
    double[][] d = new double[v.length][];
    for (int i = 0; i < v.length; i++) d[i] = doubles(v[i]);
    return d;
  }

  /**
   * {@code |actual - expected| <= 1e-6 + 1e-5 |expected|} element-wise: float32 ops against a
   * double reference over a few steps.
   */
  static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double tol = 1e-6 + 1e-5 * Math.abs(expected[i]);
      if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
        fail(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]);
      }
    }
  }

  /** The names, paths, shapes and dtypes of an optimizer's variables, in order. */
  static List<String> layout(Optimizer optimizer) {
    List<String> out = new ArrayList<>();
    for (Weight w : optimizer.variables()) {
      out.add(w.path() + " " + w.shape() + " " + w.dtype().getSimpleName());
    }
    return out;
  }
}

package io.keras4j.testing;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Weight;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
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
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * A layer built into a graph of its own, with the scalar loss {@code sum(output * R)} (summed over
 * outputs, in float64) for fixed random {@code R}, its analytic gradients and a way to evaluate the
 * loss at perturbed inputs and weights: what {@link LayerTestKit}'s gradient and training checks
 * run on.
 *
 * <p>Every weight's value lives on the Java side (set from its initializer once) and is assigned
 * before every evaluation, so that an evaluation depends only on those values and the fed inputs.
 * When random ops lie on the loss's path (the noise layers in training mode), each evaluation runs
 * in a new session: a seeded random op draws the first values of its sequence in every new session,
 * so the noise is the same at every evaluation.
 */
final class GradientProbe implements AutoCloseable {

  /** Stateful random ops: each run of a session draws new values. */
  private static final Set<String> RANDOM_OPS =
      Set.of(
          "RandomUniform",
          "RandomUniformInt",
          "RandomStandardNormal",
          "TruncatedNormal",
          "RandomGamma",
          "RandomPoisson",
          "RandomPoissonV2",
          "RandomShuffle",
          "Multinomial");

  /**
   * A tensor the loss is differentiated with respect to: a trainable weight or a floating input.
   */
  static final class Target {
    final String name;
    final Class<? extends TType> dtype;
    final Shape shape;
    final double[] values;
    final List<Output<?>> reads = new ArrayList<>();
    double[] analytic;

    Target(String name, Class<? extends TType> dtype, Shape shape, double[] values) {
      this.name = name;
      this.dtype = dtype;
      this.shape = shape;
      this.values = values;
    }
  }

  private final Layer layer;
  private final Graph graph = new Graph();
  private final Ops tf = Ops.create(graph);
  private final List<Placeholder<?>> inputs = new ArrayList<>();
  private final List<Tensor> inputFeeds = new ArrayList<>();
  private final List<Tensor> owned = new ArrayList<>();
  private final List<Weight> weights;
  private final List<Placeholder<?>> weightFeeds = new ArrayList<>();
  private final List<Op> assigns = new ArrayList<>();
  private final List<Tensor> weightValues = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();

  /** For each target, the weight or input it stands for: index into weights, or -1 - input. */
  private final List<Integer> targetSource = new ArrayList<>();

  private final Operand<TFloat64> loss;
  private final boolean random;
  private final List<Shape> outputShapes = new ArrayList<>();
  private final List<String> unreached = new ArrayList<>();
  private boolean allFloat64 = true;
  private Session session;

  GradientProbe(Layer layer, CallContext context, List<? extends Tensor> feeds, long seed) {
    this.layer = layer;
    try {
      for (Tensor t : feeds) {
        inputs.add(tf.placeholder(LayerTestKit.typeOf(t), Placeholder.shape(t.shape())));
        inputFeeds.add(t);
      }
      List<Operand<?>> outputs = layer.apply(tf, inputs, context);
      Random r = new Random(seed);
      Operand<TFloat64> sum = null;
      for (Operand<?> out : outputs) {
        outputShapes.add(out.shape());
        if (!TFloating.class.isAssignableFrom(out.type())) continue;
        allFloat64 &= out.type() == TFloat64.class;
        Operand<TFloat64> term =
            tf.reduceSum(
                tf.math.mul(tf.dtypes.cast(out, TFloat64.class), weightsFor(out, r)),
                tf.range(tf.constant(0), tf.rank(out), tf.constant(1)));
        sum = sum == null ? term : tf.math.add(sum, term);
      }
      if (sum == null) {
        throw new AssertionError(layer.name() + " has no floating output to differentiate");
      }
      loss = sum;

      weights = layer.weights();
      for (Weight w : weights) {
        Placeholder<?> p = tf.placeholder(w.dtype(), Placeholder.shape(w.shape()));
        weightFeeds.add(p);
        assigns.add(tf.assignVariableOp(w.handle(tf), p));
      }
      initializeWeights();

      Set<GraphOperation> onPath = graph.subgraphTo(Set.of(loss));
      random = onPath.stream().anyMatch(op -> RANDOM_OPS.contains(op.type()));
      List<Weight> trainable = layer.trainableWeights();
      for (int i = 0; i < weights.size(); i++) {
        Weight w = weights.get(i);
        if (!trainable.contains(w) || !TFloating.class.isAssignableFrom(w.dtype())) continue;
        Target t =
            new Target(w.path(), w.dtype(), w.shape(), LayerTestKit.values(weightValues.get(i)));
        GraphOperation handle = (GraphOperation) w.handle(tf).op();
        for (GraphOperation consumer : handle.consumers()) {
          if (consumer.type().equals("ReadVariableOp") && onPath.contains(consumer)) {
            t.reads.add(consumer.output(0));
          }
        }
        if (!t.reads.isEmpty()) {
          targets.add(t);
          targetSource.add(i);
        } else {
          unreached.add(w.path());
        }
      }
      for (int i = 0; i < inputs.size(); i++) {
        Placeholder<?> p = inputs.get(i);
        if (!TFloating.class.isAssignableFrom(p.type()) || !onPath.contains(p.op())) continue;
        Target t =
            new Target(
                "input " + i, p.type(), feeds.get(i).shape(), LayerTestKit.values(feeds.get(i)));
        t.reads.add(p.asOutput());
        targets.add(t);
        targetSource.add(-1 - i);
      }
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** {@code R} for one output: standard normal draws, in the graph as a constant where possible. */
  private Operand<TFloat64> weightsFor(Operand<?> out, Random r) {
    Shape shape = out.shape();
    if (!shape.isUnknown() && !shape.hasUnknownDimension()) {
      double[] v = new double[(int) shape.size()];
      for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
      return tf.constant(shape, DataBuffers.of(v, true, false));
    }
    return tf.stopGradient(
        tf.random.statelessRandomNormal(
            tf.shape(out), tf.constant(new long[] {r.nextLong(), 0L}), TFloat64.class));
  }

  private void initializeWeights() {
    List<Operand<?>> init = new ArrayList<>();
    for (Weight w : weights) init.add(w.initializer().call(tf, w.shape(), w.dtype()));
    if (init.isEmpty()) return;
    try (Session s = new Session(graph)) {
      Session.Runner runner = s.runner();
      init.forEach(runner::fetch);
      Result result = runner.run();
      // The result's tensors are closed with the result: keep copies.
      for (int i = 0; i < init.size(); i++) {
        Tensor t = result.get(i);
        weightValues.add(copy(t));
      }
      result.close();
    }
  }

  private Tensor copy(Tensor t) {
    Tensor c = Tensor.of(LayerTestKit.typeOf(t), t.shape(), t.asRawTensor().data());
    owned.add(c);
    return c;
  }

  /**
   * The weights and inputs the loss reaches, with analytic gradients once {@link #differentiate}
   * ran.
   */
  List<Target> targets() {
    return targets;
  }

  /** The static shapes of the layer's outputs in this graph. */
  List<Shape> outputShapes() {
    return outputShapes;
  }

  /** The trainable weights the loss does not read (Keras creates some it does not use). */
  List<String> unreached() {
    return unreached;
  }

  /** Whether every floating output is float64. */
  boolean float64Outputs() {
    return allFloat64;
  }

  /** Whether each evaluation runs in a new session to repeat the same random draws. */
  boolean random() {
    return random;
  }

  /**
   * Adds the gradient ops and computes every target's analytic gradient.
   *
   * @throws AssertionError naming the layer when TensorFlow cannot differentiate an op it built
   */
  void differentiate() {
    List<Output<?>> xs = new ArrayList<>();
    for (Target t : targets) xs.addAll(t.reads);
    Output<?>[] grads;
    try {
      grads = graph.addGradients(loss.asOutput(), xs.toArray(new Output<?>[0]));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "TensorFlow cannot differentiate " + layer + ": " + e.getMessage(), e);
    }
    Session s = open();
    try {
      Session.Runner runner = feedInputs(s.runner());
      for (Output<?> g : grads) runner.fetch(g);
      try (Result result = runner.run()) {
        int k = 0;
        for (Target t : targets) {
          t.analytic = new double[(int) t.shape.size()];
          for (int j = 0; j < t.reads.size(); j++) {
            double[] part = LayerTestKit.values(result.get(k++));
            for (int i = 0; i < part.length; i++) t.analytic[i] += part[i];
          }
        }
      }
    } finally {
      release(s);
    }
  }

  /** The loss at the current values of every target. */
  double loss() {
    Session s = open();
    try (Result r = feedInputs(s.runner()).fetch(loss).run()) {
      return ((TFloat64) r.get(0)).getDouble();
    } finally {
      release(s);
    }
  }

  /** Sets one coordinate of a target (its analytic gradient is unchanged). */
  void set(Target t, int index, double value) {
    t.values[index] = value;
    int source = targetSource.get(targets.indexOf(t));
    Tensor tensor = tensorOf(t.dtype, t.shape, t.values);
    Tensor old =
        source >= 0 ? weightValues.set(source, tensor) : inputFeeds.set(-1 - source, tensor);
    // Caller's input tensors are not in owned and stay open.
    if (owned.remove(old)) old.close();
  }

  private Tensor tensorOf(Class<? extends TType> dtype, Shape shape, double[] v) {
    Tensor t;
    if (dtype == TFloat64.class) {
      t = TFloat64.tensorOf(shape, DataBuffers.of(v.clone(), true, false));
    } else if (dtype == TFloat32.class) {
      float[] f = new float[v.length];
      for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
      t = TFloat32.tensorOf(shape, DataBuffers.of(f, true, false));
    } else {
      throw new IllegalArgumentException(
          "The gradient check handles float32 and float64, not " + dtype.getSimpleName());
    }
    owned.add(t);
    return t;
  }

  /** A session whose variables hold the current weight values. */
  private Session open() {
    Session s = session;
    if (s == null) {
      s = new Session(graph);
      if (!random) session = s;
    }
    if (!assigns.isEmpty()) {
      Session.Runner runner = s.runner();
      for (int i = 0; i < assigns.size(); i++) {
        runner.feed(weightFeeds.get(i), weightValues.get(i));
        runner.addTarget(assigns.get(i));
      }
      runner.run().close();
    }
    return s;
  }

  private void release(Session s) {
    if (s != session) s.close();
  }

  private Session.Runner feedInputs(Session.Runner runner) {
    for (int i = 0; i < inputs.size(); i++) runner.feed(inputs.get(i), inputFeeds.get(i));
    return runner;
  }

  @Override
  public void close() {
    if (session != null) session.close();
    owned.forEach(Tensor::close);
    layer.weights().forEach(w -> w.detach(graph));
    graph.close();
  }

  /**
   * Distinct coordinates of a tensor of {@code size} scalars: all of them, or {@code max} at
   * random.
   */
  static int[] sample(long size, int max, Random random) {
    if (size <= max) {
      int[] all = new int[(int) size];
      for (int i = 0; i < all.length; i++) all[i] = i;
      return all;
    }
    Set<Integer> picked = new HashSet<>();
    while (picked.size() < max) picked.add(random.nextInt((int) size));
    return picked.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}

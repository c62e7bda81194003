package io.keras4j.models;

import io.keras4j.initializers.Zeros;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.losses.Loss;
import io.keras4j.metrics.Metric;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.training.Compile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * The training and evaluation graphs of a compiled model, in the model's session: per input
 * signature, a step that runs the forward pass in training mode, the compiled losses (weighted),
 * regularization and added losses, gradients of the trainable weights, the optimizer's update and
 * the metrics' accumulation. Keras' {@code train_step} and {@code test_step} with its loss and
 * metric trackers.
 */
final class Trainer {

  /** A mean accumulated over batches, weighted: Keras' {@code Mean} loss trackers. */
  private record Tracker(String name, Weight total, Weight count) {
    Op update(Ops tf, Operand<TFloat32> value, Operand<TFloat32> weight) {
      Op a = tf.assignAddVariableOp(total.handle(tf), tf.math.mul(value, weight));
      Op b = tf.assignAddVariableOp(count.handle(tf), weight);
      return tf.withControlDependencies(List.of(a, b)).noOp();
    }

    Operand<TFloat32> result(Ops tf) {
      return tf.math.divNoNan(total.<TFloat32>read(tf), count.<TFloat32>read(tf));
    }
  }

  /** One compiled step: its placeholders, what it runs and what it fetches. */
  private record Step(
      List<Placeholder<?>> x,
      List<Placeholder<?>> y,
      List<Placeholder<TFloat32>> sampleWeight,
      List<Op> targets,
      Operand<TFloat32> loss) {}

  private final Model model;
  private final ModelRuntime rt;
  private final Compile compile;
  private final List<String> outputs;
  private final Tracker lossTracker;
  private final List<Tracker> outputLossTrackers = new ArrayList<>();
  private final Map<String, Metric> metrics = new LinkedHashMap<>();
  private final Map<List<TensorSpec>, Step> trainSteps = new HashMap<>();
  private final Map<List<TensorSpec>, Step> testSteps = new HashMap<>();
  private final Map<String, Operand<TFloat32>> results = new LinkedHashMap<>();
  private @Nullable Op reset;
  private boolean optimizerBuilt;

  Trainer(Model model, ModelRuntime rt, Compile compile) {
    this.model = model;
    this.rt = rt;
    this.compile = compile;
    this.outputs = model.outputNames();
    this.lossTracker = tracker("loss");
    if (outputs.size() > 1) {
      for (String o : outputs) outputLossTrackers.add(tracker(o + "_loss"));
    }
    Set<Metric> seen = new HashSet<>();
    for (String o : outputs) {
      for (Metric m : compile.metricsFor(o)) {
        if (!seen.add(m)) {
          throw new IllegalArgumentException(
              "Metric '" + m.name() + "' is given for several outputs: give each output its own"
                  + " metric objects");
        }
        String name = outputs.size() > 1 ? o + "_" + m.name() : m.name();
        metrics.put(name, m);
      }
    }
  }

  private Tracker tracker(String name) {
    WeightOptions zeros = WeightOptions.of(new Zeros()).trainable(false);
    return new Tracker(
        name,
        Weight.create("total", "trackers/" + name + "/total", Shape.scalar(), TFloat32.class, zeros),
        Weight.create("count", "trackers/" + name + "/count", Shape.scalar(), TFloat32.class, zeros));
  }

  Compile compile() {
    return compile;
  }

  /** The names of the values logged: loss, per-output losses, metrics. */
  List<String> logNames() {
    List<String> names = new ArrayList<>();
    names.add("loss");
    outputLossTrackers.forEach(t -> names.add(t.name()));
    names.addAll(metrics.keySet());
    return names;
  }

  // ------------------------------------------------------------------ running

  /** Runs one training step on a batch; returns the batch's loss. */
  synchronized double trainStep(
      List<? extends Tensor> x, List<? extends Tensor> y, @Nullable List<? extends Tensor> sw) {
    return run(step(x, y, sw != null, true), x, y, sw);
  }

  /** Accumulates one evaluation batch into the metrics. */
  synchronized double testStep(
      List<? extends Tensor> x, List<? extends Tensor> y, @Nullable List<? extends Tensor> sw) {
    return run(step(x, y, sw != null, false), x, y, sw);
  }

  private double run(
      Step s, List<? extends Tensor> x, List<? extends Tensor> y, @Nullable List<? extends Tensor> sw) {
    Session.Runner r = rt.session().runner();
    for (int i = 0; i < x.size(); i++) r.feed(s.x().get(i), x.get(i));
    for (int i = 0; i < y.size(); i++) r.feed(s.y().get(i), y.get(i));
    if (sw != null) {
      for (int i = 0; i < sw.size(); i++) r.feed(s.sampleWeight().get(i), sw.get(i));
    }
    s.targets().forEach(r::addTarget);
    r.fetch(s.loss());
    try (Result result = r.run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  /** Sets every tracker and metric back to zero, as Keras does at each epoch's start. */
  synchronized void resetMetrics() {
    if (reset == null) {
      Ops tf = rt.ops().withSubScope("reset_metrics");
      List<Op> ops = new ArrayList<>();
      for (Tracker t : trackers()) {
        ops.add(tf.assignVariableOp(t.total().handle(tf), tf.constant(0f)));
        ops.add(tf.assignVariableOp(t.count().handle(tf), tf.constant(0f)));
      }
      for (Metric m : metrics.values()) ops.add(m.resetState(tf));
      reset = tf.withControlDependencies(ops).noOp();
      initializeState();
    }
    rt.session().runner().addTarget(reset).run().close();
  }

  /** The current value of every logged quantity, under Keras' names. */
  synchronized Map<String, Double> results() {
    if (results.isEmpty()) {
      Ops tf = rt.ops().withSubScope("results");
      results.put("loss", lossTracker.result(tf));
      for (Tracker t : outputLossTrackers) results.put(t.name(), t.result(tf));
      metrics.forEach((name, m) -> results.put(name, m.result(tf)));
      initializeState();
    }
    Session.Runner r = rt.session().runner();
    List<String> names = new ArrayList<>(results.keySet());
    names.forEach(n -> r.fetch(results.get(n)));
    Map<String, Double> out = new LinkedHashMap<>();
    try (Result res = r.run()) {
      for (int i = 0; i < names.size(); i++) {
        out.put(names.get(i), (double) ((TFloat32) res.get(i)).getFloat());
      }
    }
    return out;
  }

  private List<Tracker> trackers() {
    List<Tracker> all = new ArrayList<>();
    all.add(lossTracker);
    all.addAll(outputLossTrackers);
    return all;
  }

  private void initializeState() {
    List<Weight> state = new ArrayList<>();
    for (Tracker t : trackers()) {
      state.add(t.total());
      state.add(t.count());
    }
    metrics.values().forEach(m -> state.addAll(m.variables()));
    rt.initialize(state);
  }

  // ------------------------------------------------------------------ building

  private Step step(
      List<? extends Tensor> x, List<? extends Tensor> y, boolean weighted, boolean training) {
    List<TensorSpec> key = new ArrayList<>(Model.signatureOf(model.inputSpecs(), x));
    for (Tensor t : y) key.add(new TensorSpec(withUnknownBatch(t.shape()), Batches.typeOf(t)));
    key.add(new TensorSpec(Shape.scalar(), weighted ? TFloat32.class : TInt32.class));
    Map<List<TensorSpec>, Step> cache = training ? trainSteps : testSteps;
    Step s = cache.get(key);
    if (s == null) {
      s = build(key, x.size(), y.size(), weighted, training);
      cache.put(key, s);
    }
    return s;
  }

  private static Shape withUnknownBatch(Shape s) {
    long[] d = s.asArray();
    d[0] = Shape.UNKNOWN_SIZE;
    return Shape.of(d);
  }

  private Step build(List<TensorSpec> key, int nx, int ny, boolean weighted, boolean training) {
    if (ny != outputs.size()) {
      throw new IllegalArgumentException(
          "Model '" + model.name() + "' has " + outputs.size() + " outputs " + outputs
              + ", received " + ny + " targets");
    }
    Ops tf = rt.ops().withSubScope((training ? "train_step_" : "test_step_") + trainSteps.size() + "_" + testSteps.size());
    List<Placeholder<?>> xs = new ArrayList<>();
    for (int i = 0; i < nx; i++) {
      TensorSpec spec = key.get(i);
      xs.add(tf.withName("x" + i).placeholder(spec.dtype(), Placeholder.shape(spec.shape())));
    }
    List<Placeholder<?>> ys = new ArrayList<>();
    for (int i = 0; i < ny; i++) {
      TensorSpec spec = key.get(nx + i);
      ys.add(tf.withName("y" + i).placeholder(spec.dtype(), Placeholder.shape(spec.shape())));
    }
    List<Placeholder<TFloat32>> sws = new ArrayList<>();
    if (weighted) {
      for (int i = 0; i < ny; i++) {
        sws.add(tf.withName("sample_weight" + i).placeholder(TFloat32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE))));
      }
    }
    CallContext.Effects effects = new CallContext.Effects();
    CallContext ctx = training ? CallContext.training(effects) : CallContext.inference();
    List<Operand<?>> preds = model.apply(tf, xs, ctx);

    List<Op> targets = new ArrayList<>(effects.updates());
    Operand<TFloat32> batch =
        tf.dtypes.cast(
            tf.stridedSlice(
                tf.shape(xs.get(0)), tf.constant(new int[] {0}), tf.constant(new int[] {1}),
                tf.constant(new int[] {1}), org.tensorflow.op.core.StridedSlice.shrinkAxisMask(1L)),
            TFloat32.class);

    List<Operand<TFloat32>> terms = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      String name = outputs.get(i);
      Loss loss = compile.lossFor(name);
      Operand<TFloating> pred = Tensors.floating(preds.get(i));
      Operand<TFloating> sw = weighted ? tf.dtypes.cast(sws.get(i), pred.type()) : null;
      Operand<TFloat32> value = tf.dtypes.cast(loss.apply(tf, ys.get(i), pred, sw), TFloat32.class);
      if (!outputLossTrackers.isEmpty()) {
        targets.add(outputLossTrackers.get(i).update(tf, value, batch));
      }
      double w = compile.lossWeight(name);
      terms.add(w == 1.0 ? value : tf.math.mul(value, tf.constant((float) w)));
      for (Metric m : compile.metricsFor(name)) {
        targets.add(m.updateState(tf, ys.get(i), preds.get(i), weighted ? sws.get(i) : null));
      }
    }
    if (training) {
      for (Weight w : model.trainableWeights()) {
        Regularizer r = w.regularizer();
        if (r != null) terms.add(tf.dtypes.cast(r.call(tf, Tensors.floating(w.read(tf))), TFloat32.class));
      }
      for (Operand<?> extra : effects.losses()) {
        terms.add(tf.dtypes.cast(extra, TFloat32.class));
      }
    }
    Operand<TFloat32> total = terms.size() == 1 ? terms.get(0) : tf.math.addN(terms);
    targets.add(lossTracker.update(tf, total, batch));
    if (training) {
      targets.add(applyGradients(tf, total));
    }
    rt.initialize(model.weights());
    initializeState();
    return new Step(xs, ys, sws, targets, total);
  }

  /** Differentiates the loss with respect to every trainable weight read on its path. */
  private Op applyGradients(Ops tf, Operand<TFloat32> loss) {
    Graph g = rt.graph();
    List<Weight> trainable = model.trainableWeights();
    Optimizer optimizer = compile.optimizer();
    if (!optimizerBuilt) {
      optimizer.build(trainable);
      optimizerBuilt = true;
    }
    Set<GraphOperation> onPath = g.subgraphTo(Set.of(loss));
    List<Weight> used = new ArrayList<>();
    List<List<Output<?>>> reads = new ArrayList<>();
    List<Output<?>> allReads = new ArrayList<>();
    for (Weight w : trainable) {
      GraphOperation handle = (GraphOperation) w.handle(tf).op();
      List<Output<?>> r = new ArrayList<>();
      for (GraphOperation consumer : handle.consumers()) {
        if (consumer.type().equals("ReadVariableOp") && onPath.contains(consumer)) {
          r.add(consumer.output(0));
        }
      }
      if (!r.isEmpty()) {
        used.add(w);
        reads.add(r);
        allReads.addAll(r);
      }
    }
    if (used.isEmpty()) {
      throw new IllegalStateException(
          "No trainable weight of model '" + model.name() + "' contributes to the loss");
    }
    Output<?>[] grads = g.addGradients(loss.asOutput(), allReads.toArray(new Output<?>[0]));
    List<Operand<?>> perWeight = new ArrayList<>();
    int k = 0;
    for (List<Output<?>> r : reads) {
      if (r.size() == 1) {
        perWeight.add(grads[k++]);
      } else {
        List<Operand<TFloating>> parts = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) parts.add(Tensors.floating(grads[k++]));
        perWeight.add(tf.math.addN(parts));
      }
    }
    // The update reads and writes the weights: only after the loss and gradients are computed.
    List<Op> deps = new ArrayList<>();
    deps.add(loss);
    for (Operand<?> gr : perWeight) deps.add(gr);
    Op apply = optimizer.apply(tf.withControlDependencies(deps), perWeight, used);
    rt.initialize(optimizer.variables());
    return apply;
  }

  /** The optimizer's variables, for saving with the model. */
  List<Weight> optimizerVariables() {
    return optimizerBuilt ? compile.optimizer().variables() : List.of();
  }

  /** Builds the optimizer's variables without training, as Keras builds them when it loads. */
  void buildOptimizer() {
    if (!optimizerBuilt) {
      compile.optimizer().build(model.trainableWeights());
      optimizerBuilt = true;
      rt.initialize(compile.optimizer().variables());
    }
  }
}

package io.keras4j.models;

import io.keras4j.initializers.Zeros;
import io.keras4j.internal.GraphScopes;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.losses.Loss;
import io.keras4j.metrics.CompileMetrics;
import io.keras4j.metrics.Metric;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.serialization.KerasRegistry;
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
import org.tensorflow.types.family.TFloating;

/**
 * The training and evaluation graphs of a compiled model, in the model's session: per input
 * signature, a step that runs the forward pass (in training mode for a training step), the compiled
 * losses (weighted per output), regularization and added losses, gradients of the trainable
 * weights, the optimizer's update and the metrics' accumulation, and fetches the logged values in
 * the same session run. Keras' {@code train_step} and {@code test_step} with its loss and metric
 * trackers.
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

    List<Op> reset(Ops tf) {
      return List.of(
          tf.assignVariableOp(total.handle(tf), tf.constant(0f)),
          tf.assignVariableOp(count.handle(tf), tf.constant(0f)));
    }
  }

  /** A resolved compiled metric: its History name, output and whether it takes sample weights. */
  private record Entry(String name, Metric metric, int output, boolean weighted) {}

  /**
   * One compiled step: its placeholders, what it runs, and the logged values it fetches in the same
   * run (read after the step's updates).
   */
  private record Step(
      List<Placeholder<?>> x,
      List<Placeholder<?>> y,
      List<Placeholder<TFloat32>> sampleWeight,
      List<Op> targets,
      Map<String, Operand<TFloat32>> results) {}

  private final Model model;
  private final ModelRuntime rt;
  private final Compile compile;
  private final KerasRegistry registry;
  private final List<String> outputs;
  private final Tracker lossTracker;
  private final List<Tracker> outputLossTrackers = new ArrayList<>();
  private @Nullable List<Entry> entries;
  private final Map<List<Object>, Step> steps = new HashMap<>();
  private final Map<String, Operand<TFloat32>> results = new LinkedHashMap<>();
  private @Nullable Op reset;
  private boolean optimizerBuilt;
  private boolean slotsInUse;

  Trainer(Model model, ModelRuntime rt, Compile compile, KerasRegistry registry) {
    this.model = model;
    this.rt = rt;
    this.compile = compile;
    this.registry = registry;
    this.outputs = model.outputNames();
    this.lossTracker = tracker("loss");
    if (outputs.size() > 1) {
      for (String o : outputs) outputLossTrackers.add(tracker(o + "_loss"));
    }
  }

  private Tracker tracker(String name) {
    WeightOptions zeros = WeightOptions.of(new Zeros()).trainable(false);
    return new Tracker(
        name,
        Weight.create(
            "total", "trackers/" + name + "/total", Shape.scalar(), TFloat32.class, zeros),
        Weight.create(
            "count", "trackers/" + name + "/count", Shape.scalar(), TFloat32.class, zeros));
  }

  Compile compile() {
    return compile;
  }

  // ------------------------------------------------------------------ metrics

  /**
   * The compiled metrics, resolved on the first batch as Keras' {@code CompileMetrics.build}: names
   * such as {@code "accuracy"} depend on the targets' and predictions' shapes.
   */
  private List<Entry> entries(List<? extends Tensor> y) {
    if (entries != null) return entries;
    List<Shape> yTrue = y.stream().map(Tensor::shape).toList();
    List<Shape> yPred = model.outputSpecs().stream().map(TensorSpec::shape).toList();
    List<Entry> out = new ArrayList<>();
    Set<Metric> seen = new HashSet<>();
    Map<String, Integer> counters = new HashMap<>();
    for (Compile.MetricSpec m : compile.metrics()) {
      if (!seen.add(m.metric())) {
        throw new IllegalArgumentException(
            "Metric '"
                + m.metric().name()
                + "' is given twice: give each output its own metric"
                + " objects");
      }
      int o = m.output() == null ? 0 : outputs.indexOf(m.output());
      if (o < 0 || (m.output() == null && outputs.size() > 1)) {
        throw new IllegalArgumentException(
            "Metric '"
                + m.metric().name()
                + "' names output "
                + m.output()
                + "; give each metric of a multi-output model one of "
                + outputs);
      }
      String prefix = outputs.size() > 1 ? outputs.get(o) + "_" : "";
      String name =
          prefix
              + (m.weighted() && counters.containsKey(prefix + m.metric().name())
                  ? "weighted_" + m.metric().name()
                  : m.metric().name());
      int n = counters.merge(name, 1, Integer::sum);
      out.add(new Entry(n == 1 ? name : name + "_" + (n - 1), m.metric(), o, m.weighted()));
    }
    if (compile.metricsJson() != null || compile.weightedMetricsJson() != null) {
      for (CompileMetrics.Entry e :
          CompileMetrics.resolve(
              compile.metricsJson(),
              compile.weightedMetricsJson(),
              outputs,
              yTrue,
              yPred,
              registry)) {
        out.add(new Entry(e.historyName(), e.metric(), e.output(), e.weighted()));
      }
    }
    entries = List.copyOf(out);
    return entries;
  }

  // ------------------------------------------------------------------ running

  /**
   * Runs one training step on a batch and returns the logged values after it (the running means of
   * the epoch, or of this batch alone when {@code resetFirst}).
   */
  synchronized Map<String, Double> trainStep(
      List<? extends Tensor> x,
      List<? extends Tensor> y,
      @Nullable List<? extends Tensor> sw,
      boolean resetFirst) {
    Map<String, Double> logs = run(step(x, y, sw != null, true, resetFirst), x, y, sw);
    slotsInUse = true;
    return logs;
  }

  /** Accumulates one evaluation batch and returns the logged values after it. */
  synchronized Map<String, Double> testStep(
      List<? extends Tensor> x,
      List<? extends Tensor> y,
      @Nullable List<? extends Tensor> sw,
      boolean resetFirst) {
    return run(step(x, y, sw != null, false, resetFirst), x, y, sw);
  }

  private Map<String, Double> run(
      Step s,
      List<? extends Tensor> x,
      List<? extends Tensor> y,
      @Nullable List<? extends Tensor> sw) {
    Session.Runner r = rt.session().runner();
    for (int i = 0; i < x.size(); i++) r.feed(s.x().get(i), x.get(i));
    for (int i = 0; i < y.size(); i++) r.feed(s.y().get(i), y.get(i));
    if (sw != null) {
      for (int i = 0; i < sw.size(); i++) r.feed(s.sampleWeight().get(i), sw.get(i));
    }
    s.targets().forEach(r::addTarget);
    List<String> names = new ArrayList<>(s.results().keySet());
    names.forEach(n -> r.fetch(s.results().get(n)));
    Map<String, Double> out = new LinkedHashMap<>();
    try (Result result = r.run()) {
      for (int i = 0; i < names.size(); i++) {
        out.put(names.get(i), (double) ((TFloat32) result.get(i)).getFloat());
      }
    }
    return out;
  }

  /** Sets every tracker and metric back to zero, as Keras does at each epoch's start. */
  synchronized void resetMetrics() {
    Op op = reset;
    if (op == null) {
      Ops tf = rt.ops().withSubScope("reset_metrics");
      op = tf.withControlDependencies(resetOps(tf)).noOp();
      initializeState();
      // The metrics are resolved on the first batch: keep the op once it resets them too.
      if (entries != null) reset = op;
    }
    rt.session().runner().addTarget(op).run().close();
  }

  private List<Op> resetOps(Ops tf) {
    List<Op> ops = new ArrayList<>();
    for (Tracker t : trackers()) ops.addAll(t.reset(tf));
    if (entries != null) {
      for (Entry e : entries) ops.add(e.metric().resetState(tf));
    }
    return ops;
  }

  /** The current value of every logged quantity, under Keras' names. */
  synchronized Map<String, Double> results() {
    if (results.isEmpty()
        || entries != null && results.size() != 1 + outputLossTrackers.size() + entries.size()) {
      Ops tf = rt.ops().withSubScope("results");
      results.clear();
      results.putAll(resultOps(tf));
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

  private Map<String, Operand<TFloat32>> resultOps(Ops tf) {
    Map<String, Operand<TFloat32>> out = new LinkedHashMap<>();
    out.put("loss", lossTracker.result(tf));
    for (Tracker t : outputLossTrackers) out.put(t.name(), t.result(tf));
    if (entries != null) {
      for (Entry e : entries) out.put(e.name(), e.metric().result(tf));
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
    if (entries != null) entries.forEach(e -> state.addAll(e.metric().variables()));
    rt.initialize(state);
  }

  // ------------------------------------------------------------------ building

  private Step step(
      List<? extends Tensor> x,
      List<? extends Tensor> y,
      boolean weighted,
      boolean training,
      boolean resetFirst) {
    List<Object> key = new ArrayList<>(Model.signatureOf(model.inputSpecs(), x));
    for (Tensor t : y) key.add(new TensorSpec(withUnknownBatch(t.shape()), Batches.typeOf(t)));
    key.add(weighted);
    key.add(training);
    key.add(resetFirst);
    Step s = steps.get(key);
    if (s == null) {
      s = build(key, x, y, weighted, training, resetFirst);
      steps.put(key, s);
    }
    return s;
  }

  private static Shape withUnknownBatch(Shape s) {
    long[] d = s.asArray();
    d[0] = Shape.UNKNOWN_SIZE;
    return Shape.of(d);
  }

  private Step build(
      List<Object> key,
      List<? extends Tensor> xData,
      List<? extends Tensor> yData,
      boolean weighted,
      boolean training,
      boolean resetFirst) {
    int nx = xData.size();
    int ny = yData.size();
    if (ny != outputs.size()) {
      throw new IllegalArgumentException(
          "Model '"
              + model.name()
              + "' has "
              + outputs.size()
              + " outputs "
              + outputs
              + ", received "
              + ny
              + " targets");
    }
    List<Entry> metrics = entries(yData);
    Ops tf =
        GraphScopes.subScope(rt.ops(), (training ? "train_step_" : "test_step_") + steps.size());
    List<Placeholder<?>> xs = new ArrayList<>();
    for (int i = 0; i < nx; i++) {
      TensorSpec spec = (TensorSpec) key.get(i);
      xs.add(tf.withName("x" + i).placeholder(spec.dtype(), Placeholder.shape(spec.shape())));
    }
    List<Placeholder<?>> ys = new ArrayList<>();
    for (int i = 0; i < ny; i++) {
      TensorSpec spec = (TensorSpec) key.get(nx + i);
      ys.add(tf.withName("y" + i).placeholder(spec.dtype(), Placeholder.shape(spec.shape())));
    }
    List<Placeholder<TFloat32>> sws = new ArrayList<>();
    if (weighted) {
      for (int i = 0; i < ny; i++) {
        sws.add(
            tf.withName("sample_weight" + i)
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE))));
      }
    }
    CallContext.Effects effects = new CallContext.Effects();
    CallContext ctx = training ? CallContext.training(effects) : CallContext.inference();
    List<Operand<?>> preds = model.apply(tf, xs, ctx);

    // Trackers and metrics accumulate after a reset when the step stands alone (train_on_batch).
    Ops acc = resetFirst ? tf.withControlDependencies(resetOps(tf)) : tf;
    List<Op> targets = new ArrayList<>(effects.updates());
    Operand<TFloat32> batch =
        tf.dtypes.cast(
            tf.stridedSlice(
                tf.shape(xs.get(0)),
                tf.constant(new int[] {0}),
                tf.constant(new int[] {1}),
                tf.constant(new int[] {1}),
                org.tensorflow.op.core.StridedSlice.shrinkAxisMask(1L)),
            TFloat32.class);

    List<Operand<TFloat32>> terms = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      String name = outputs.get(i);
      Loss loss = compile.lossFor(name);
      Operand<TFloating> pred = Tensors.floating(preds.get(i));
      Operand<TFloating> sw = weighted ? tf.dtypes.cast(sws.get(i), pred.type()) : null;
      Operand<TFloat32> value = tf.dtypes.cast(loss.apply(tf, ys.get(i), pred, sw), TFloat32.class);
      if (!outputLossTrackers.isEmpty()) {
        targets.add(outputLossTrackers.get(i).update(acc, value, batch));
      }
      double w = compile.lossWeight(name);
      terms.add(w == 1.0 ? value : tf.math.mul(value, tf.constant((float) w)));
    }
    for (Entry e : metrics) {
      // Keras parity: compile metrics ignore sample weights; weighted_metrics take them.
      Operand<?> sw = e.weighted() && weighted ? sws.get(e.output()) : null;
      targets.add(e.metric().updateState(acc, ys.get(e.output()), preds.get(e.output()), sw));
    }
    if (training) {
      for (Weight w : model.trainableWeights()) {
        Regularizer r = w.regularizer();
        if (r != null) {
          terms.add(tf.dtypes.cast(r.call(tf, Tensors.floating(w.read(tf))), TFloat32.class));
        }
      }
      for (Operand<?> extra : effects.losses()) {
        terms.add(tf.dtypes.cast(extra, TFloat32.class));
      }
    }
    Operand<TFloat32> total = terms.size() == 1 ? terms.get(0) : tf.math.addN(terms);
    targets.add(lossTracker.update(acc, total, batch));
    // The logged values are read after every tracker and metric update of this step; the weights'
    // updates, which they do not read, run alongside.
    Map<String, Operand<TFloat32>> logged = resultOps(tf.withControlDependencies(targets));
    if (training) {
      targets.add(applyGradients(tf, total, preds));
    }
    rt.initialize(model.weights());
    initializeState();
    return new Step(xs, ys, sws, targets, logged);
  }

  /** Differentiates the loss with respect to every trainable weight read on its path. */
  private Op applyGradients(Ops tf, Operand<TFloat32> loss, List<Operand<?>> preds) {
    Graph g = rt.graph();
    List<Weight> trainable = model.trainableWeights();
    Optimizer optimizer = compile.optimizer();
    buildOptimizer();
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
    // Weights change after the forward pass (the loss and every output, which metrics read), each
    // as soon as its own gradient is ready: the gradients read the weights only through the
    // forward pass' reads, so the updates of the last layers overlap the backward pass of the
    // first ones.
    List<Op> deps = new ArrayList<>();
    deps.add(loss);
    deps.addAll(preds);
    Op apply = optimizer.applyAfterReads(tf.withControlDependencies(deps), perWeight, used);
    rt.initialize(optimizer.variables());
    return apply;
  }

  /**
   * The optimizer's variables as Keras saves them: all of them once the optimizer has stepped (or
   * its full state was loaded); before that only the iteration count and learning rate, because
   * Keras creates the per-weight slots on the first training step.
   */
  List<Weight> optimizerVariables() {
    if (!optimizerBuilt) return List.of();
    List<Weight> all = compile.optimizer().variables();
    return slotsInUse ? all : all.subList(0, baseVariableCount());
  }

  /** Every variable of the optimizer, slots included. */
  List<Weight> allOptimizerVariables() {
    return optimizerBuilt ? compile.optimizer().variables() : List.of();
  }

  /** The iteration count and, when constant, the learning rate: what Keras creates up front. */
  int baseVariableCount() {
    return compile.optimizer().learningRateVariable().isPresent() ? 2 : 1;
  }

  /** Records that the optimizer's slots hold state (a step ran, or a saved state was loaded). */
  void markSlotsInUse() {
    slotsInUse = true;
  }

  /** Builds the optimizer's variables, as Keras builds them when it compiles or loads a model. */
  synchronized void buildOptimizer() {
    if (!optimizerBuilt) {
      compile.optimizer().build(model.trainableWeights());
      optimizerBuilt = true;
      rt.initialize(compile.optimizer().variables());
    }
  }
}

package io.keras4j.models;

import io.keras4j.internal.GraphScopes;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Weight;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.types.family.TType;

/**
 * The graph and session of one model: one compiled subgraph per input signature, every signature
 * sharing the model's variables. Building is serialized; running compiled signatures is
 * thread-safe.
 */
final class ModelRuntime implements AutoCloseable {

  private record Compiled(List<Placeholder<?>> inputs, List<Operand<?>> outputs) {}

  private record Assigner(Placeholder<?> value, Op assign) {}

  private final Model model;
  private final Graph graph;
  private final Ops tf;
  private final Session session;
  private final Map<List<TensorSpec>, Compiled> compiled = new ConcurrentHashMap<>();
  private final Map<Weight, Assigner> assigners = new ConcurrentHashMap<>();
  private final Map<Weight, Operand<?>> readers = new ConcurrentHashMap<>();
  private final Set<Weight> initialized = ConcurrentHashMap.newKeySet();
  private final Map<String, Ops> scopes = new HashMap<>();

  ModelRuntime(Model model, Device device, boolean jitCompile) {
    this.model = model;
    this.graph = new Graph();
    this.tf = Ops.create(graph).withDevice(device.spec());
    this.session = new Session(graph, options(device, jitCompile));
  }

  /**
   * The session's options, none for a plain CPU session (which spares loading TensorFlow's protocol
   * buffer classes). Soft placement runs ops without a kernel on the chosen device (int32 shape
   * arithmetic on a GPU, say) on the CPU instead, as Keras on TensorFlow does; XLA auto-clustering
   * compiles what it can.
   */
  private static @Nullable ConfigProto options(Device device, boolean jitCompile) {
    boolean cpu = device.type() == DeviceSpec.DeviceType.CPU;
    if (cpu && !jitCompile) return null;
    ConfigProto.Builder config = ConfigProto.newBuilder().setAllowSoftPlacement(!cpu);
    if (jitCompile) {
      config.setGraphOptions(
          GraphOptions.newBuilder()
              .setOptimizerOptions(
                  OptimizerOptions.newBuilder()
                      .setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1)));
    }
    return config.build();
  }

  Graph graph() {
    return graph;
  }

  Ops ops() {
    return tf;
  }

  Session session() {
    return session;
  }

  /** Sets initialized weights (after an assignment outside {@link #assign}). */
  void markInitialized(Weight w) {
    initialized.add(w);
  }

  /** How many input signatures have been compiled into the graph. */
  int signatureCount() {
    return compiled.size();
  }

  Result predict(List<? extends Tensor> inputs) {
    List<TensorSpec> declared = model.inputSpecs();
    if (inputs.size() != declared.size()) {
      throw new IllegalArgumentException(
          "Model '"
              + model.name()
              + "' expects "
              + declared.size()
              + " inputs "
              + model.inputNames()
              + ", received "
              + inputs.size());
    }
    for (int i = 0; i < inputs.size(); i++) {
      checkInput(declared.get(i), inputs.get(i), i);
    }
    List<TensorSpec> signature = Model.signatureOf(declared, inputs);
    Compiled c = compiled.get(signature);
    if (c == null) {
      c = compile(signature);
    }
    Session.Runner runner = session.runner();
    for (int i = 0; i < inputs.size(); i++) {
      runner.feed(c.inputs().get(i), inputs.get(i));
    }
    for (Operand<?> out : c.outputs()) {
      runner.fetch(out);
    }
    return runner.run();
  }

  private void checkInput(TensorSpec spec, Tensor t, int i) {
    Shape want = spec.shape();
    Shape got = t.shape();
    boolean ok = want.numDimensions() == got.numDimensions();
    for (int d = 0; ok && d < want.numDimensions(); d++) {
      ok = want.get(d) == Shape.UNKNOWN_SIZE || want.get(d) == got.get(d);
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "Input "
              + i
              + " ("
              + model.inputNames().get(i)
              + ") of model '"
              + model.name()
              + "' expects shape "
              + Shapes.toKeras(want)
              + ", received "
              + Shapes.toKeras(got));
    }
    Class<? extends TType> type = spec.dtype();
    if (!type.isInstance(t)) {
      throw new IllegalArgumentException(
          "Input "
              + i
              + " ("
              + model.inputNames().get(i)
              + ") of model '"
              + model.name()
              + "' expects dtype "
              + DTypePolicy.kerasName(type)
              + ", received "
              + t.getClass().getSimpleName());
    }
  }

  private synchronized Compiled compile(List<TensorSpec> signature) {
    Compiled c = compiled.get(signature);
    if (c != null) return c;
    Ops sig = GraphScopes.subScope(tf, "signature_" + compiled.size());
    List<Placeholder<?>> inputs = new ArrayList<>();
    for (int i = 0; i < signature.size(); i++) {
      TensorSpec spec = signature.get(i);
      inputs.add(
          sig.withName("input_" + i).placeholder(spec.dtype(), Placeholder.shape(spec.shape())));
    }
    List<Operand<?>> outputs = new ArrayList<>(model.apply(sig, inputs, CallContext.inference()));
    for (int i = 0; i < outputs.size(); i++) {
      // TensorFlow refuses to fetch a tensor it is fed, and a result names each fetched tensor
      // once: a model that returns an input, or one tensor twice, returns copies.
      Operand<?> out = outputs.get(i);
      if (inputs.contains(out) || outputs.subList(0, i).contains(out)) {
        outputs.set(i, sig.identity(out));
      }
    }
    c = new Compiled(inputs, outputs);
    initializeNewWeights();
    compiled.put(signature, c);
    return c;
  }

  /** Runs the initializers of the weights that have neither been initialized nor assigned. */
  private synchronized void initializeNewWeights() {
    initialize(model.weights());
  }

  /**
   * Runs the initializers of those of {@code weights} (model weights, optimizer or metric
   * variables) that have neither been initialized nor assigned in this session.
   */
  synchronized void initialize(Iterable<Weight> weights) {
    Ops init = scope("initializers");
    List<Op> ops = new ArrayList<>();
    List<Weight> fresh = new ArrayList<>();
    for (Weight w : weights) {
      if (!initialized.contains(w)) {
        ops.add(init.assignVariableOp(w.handle(tf), initValue(init, w)));
        fresh.add(w);
      }
    }
    if (ops.isEmpty()) return;
    Session.Runner r = session.runner();
    ops.forEach(r::addTarget);
    r.run().close();
    initialized.addAll(fresh);
  }

  private static Operand<?> initValue(Ops tf, Weight w) {
    return w.initializer().call(tf, w.shape(), w.dtype());
  }

  synchronized void assign(Map<Weight, ? extends Tensor> values) {
    if (values.isEmpty()) return;
    // Every graph extension makes the next run re-process the graph: create the assign ops of
    // all the model's weights at once, so that loading a model layer by layer extends it once.
    if (assigners.isEmpty()) {
      for (Weight w : model.weights()) assigners.computeIfAbsent(w, this::assigner);
    }
    Session.Runner r = session.runner();
    for (Map.Entry<Weight, ? extends Tensor> e : values.entrySet()) {
      Weight w = e.getKey();
      Tensor t = e.getValue();
      if (!t.shape().equals(w.shape())) {
        throw new IllegalArgumentException(
            "Weight '"
                + w.path()
                + "' has shape "
                + Shapes.toKeras(w.shape())
                + ", received a value of shape "
                + Shapes.toKeras(t.shape()));
      }
      Assigner a = assigners.computeIfAbsent(w, this::assigner);
      r.feed(a.value(), t).addTarget(a.assign());
    }
    r.run().close();
    initialized.addAll(values.keySet());
  }

  private Assigner assigner(Weight w) {
    Ops a = scope("assign");
    Placeholder<?> value = a.placeholder(w.dtype(), Placeholder.shape(w.shape()));
    return new Assigner(value, a.assignVariableOp(w.handle(tf), value));
  }

  @SuppressWarnings("unchecked")
  <T extends TType> T read(Weight w) {
    if (!initialized.contains(w)) {
      initializeNewWeights();
    }
    Operand<?> reader = readers.computeIfAbsent(w, this::reader);
    try (Result r = session.runner().fetch(reader).run()) {
      // A copy that outlives the result, which closes the tensors it holds.
      Tensor t = r.get(0);
      return (T) Tensor.of(w.dtype(), t.shape(), t.asRawTensor().data());
    }
  }

  private synchronized Operand<?> reader(Weight w) {
    return w.read(scope("read"));
  }

  /** Where layers build ops that belong to no signature (weights created by {@code build}). */
  synchronized Ops buildOps() {
    return scope("build");
  }

  /**
   * A name scope of the graph, created once: TensorFlow Java scans every op of the graph for each
   * new scope, so scopes used op by op are kept.
   */
  private synchronized Ops scope(String name) {
    return scopes.computeIfAbsent(name, tf::withSubScope);
  }

  @Override
  public void close() {
    session.close();
    Set<Weight> weights = new HashSet<>(model.weights());
    weights.addAll(initialized);
    for (Weight w : weights) {
      w.detach(graph);
    }
    graph.close();
  }
}

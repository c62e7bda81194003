package io.keras4j.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.internal.JavaArrays;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Weight;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.training.Batch;
import io.keras4j.training.Compile;
import io.keras4j.training.FitOptions;
import io.keras4j.training.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.family.TType;

/**
 * A layer made of layers that runs on its own: Keras' {@code keras.Model}.
 *
 * <p>A model compiles itself into one TensorFlow {@code Graph} and one {@code Session} that it
 * owns: the first call with a new input signature (shapes and dtypes, batch size aside) adds that
 * signature's ops to the graph; later calls only feed and fetch. Weights live in the session, so
 * every signature shares them. Close the model to release the session.
 *
 * <pre>{@code
 * try (Model model = new Functional("mlp", List.of(x), List.of(y));
 *     TFloat32 input = TFloat32.tensorOf(Shape.of(2, 8));
 *     Result out = model.predict(input)) {
 *   TFloat32 y = (TFloat32) out.get(0);
 * }
 * }</pre>
 */
public abstract class Model extends Layer implements AutoCloseable {

  private @Nullable ModelRuntime runtime;
  private boolean closed;
  private Device device = Device.cpu();
  private boolean jitCompile;
  private @Nullable JsonNode compileConfig;
  private @Nullable Trainer trainer;
  private volatile boolean stopTraining;

  protected Model(LayerArgs args) {
    super(args);
  }

  /** The layers of the model, in Keras' order. */
  public abstract List<Layer> layers();

  /** Shapes and dtypes of the model's inputs; unknown dimensions are {@link Shape#UNKNOWN_SIZE}. */
  public abstract List<TensorSpec> inputSpecs();

  /** Names of the model's inputs (the names of its input layers). */
  public abstract List<String> inputNames();

  /** Names of the model's outputs (the names of the layers that produce them). */
  public abstract List<String> outputNames();

  /** Shapes and dtypes of the model's outputs. */
  public abstract List<TensorSpec> outputSpecs();

  /**
   * Keras' {@code compile_config} (optimizer, loss, metrics) as read from a file, if the model was
   * saved compiled.
   */
  public Optional<JsonNode> compileConfig() {
    return Optional.ofNullable(compileConfig);
  }

  /** Keeps a {@code compile_config} to write back when the model is saved. */
  public void setCompileConfig(@Nullable JsonNode compileConfig) {
    this.compileConfig = compileConfig == null ? null : compileConfig.deepCopy();
  }

  /** The layer of this model with the given name. */
  public Layer getLayer(String name) {
    for (Layer l : layers()) {
      if (l.name().equals(name)) return l;
    }
    throw new IllegalArgumentException(
        "No layer named '"
            + name
            + "' in model '"
            + name()
            + "'; its layers are "
            + layers().stream().map(Layer::name).toList());
  }

  @Override
  public List<Weight> weights() {
    java.util.LinkedHashSet<Weight> all = new java.util.LinkedHashSet<>(ownWeights());
    for (Layer l : layers()) all.addAll(l.weights());
    return List.copyOf(all);
  }

  @Override
  protected List<Layer> sublayers() {
    List<Layer> all = new ArrayList<>(layers());
    all.addAll(children().values());
    return all;
  }

  @Override
  public void setTrainable(boolean trainable) {
    super.setTrainable(trainable);
    for (Layer l : layers()) l.setTrainable(trainable);
  }

  // ---------------------------------------------------------------- running

  /**
   * Runs the model in inference mode. The inputs are in {@link #inputNames()} order; the result
   * holds one tensor per output, in {@link #outputNames()} order, and must be closed.
   */
  public Result predict(Tensor... inputs) {
    return predict(Arrays.asList(inputs));
  }

  /** Runs the model in inference mode; see {@link #predict(Tensor...)}. */
  public Result predict(List<? extends Tensor> inputs) {
    return runtime().predict(inputs);
  }

  /**
   * Runs the model in inference mode on Java arrays of any rank ({@code float[][]}, {@code
   * int[][]}, ...), one per input, and returns one array per output ({@code float[][]...} for
   * float32 outputs), as Keras' {@code model.predict} on NumPy arrays.
   *
   * <pre>{@code
   * float[][] probabilities = (float[][]) model.predictArrays(new float[][] {{0.1f, 0.2f}}).get(0);
   * }</pre>
   */
  public List<Object> predictArrays(Object... inputs) {
    List<Tensor> tensors = new ArrayList<>(inputs.length);
    try {
      for (Object in : inputs) tensors.add(JavaArrays.toTensor(in));
      try (Result r = predict(tensors)) {
        List<Object> out = new ArrayList<>(r.size());
        for (int i = 0; i < r.size(); i++) out.add(JavaArrays.toArray(r.get(i)));
        return out;
      }
    } finally {
      tensors.forEach(Tensor::close);
    }
  }

  /** {@link #predictArrays} for a model with one 2-D float input and one 2-D float output. */
  public float[][] predict(float[][] input) {
    Object out = single(predictArrays((Object) input), "outputs");
    if (!(out instanceof float[][] f)) {
      throw new IllegalStateException(
          "Model '" + name() + "' does not return a 2-D float32 output; use predictArrays");
    }
    return f;
  }

  /**
   * Sets weights to the given values, in one session run. The tensors stay the caller's to close.
   */
  public void assignWeights(Map<Weight, ? extends Tensor> values) {
    runtime().assign(values);
  }

  /** Reads a weight's current value; the caller closes the tensor. */
  public <T extends TType> T readWeight(Weight weight) {
    return runtime().read(weight);
  }

  /**
   * Builds every layer of the model for its declared inputs, creating all weights, as Keras' {@code
   * model.build()}. Predicting builds the model too; call this to assign weights first.
   */
  public final void build() {
    List<org.tensorflow.ndarray.Shape> shapes =
        inputSpecs().stream().map(TensorSpec::shape).toList();
    ensureBuilt(runtime().buildOps(), shapes, shapes.size() > 1);
  }

  /**
   * Runs the model's graph on {@code device} (the CPU by default). Call it before the model first
   * runs, builds or loads weights: the graph is placed when it is created.
   */
  public synchronized void placeOn(Device device) {
    if (runtime != null) {
      throw new IllegalStateException(
          "Model '" + name() + "' already has its graph on " + this.device + ": place it first");
    }
    this.device = java.util.Objects.requireNonNull(device, "device");
  }

  public Device device() {
    return device;
  }

  /**
   * Compiles the model's graph with XLA, as Keras' {@code jit_compile=True}: TensorFlow's
   * auto-clustering fuses the ops it can into compiled kernels. Call it before the model first
   * runs, builds or loads weights. On a GPU it takes effect as is; on the CPU, TensorFlow clusters
   * only in a process started with the environment variable {@code
   * TF_XLA_FLAGS=--tf_xla_cpu_global_jit}, and otherwise runs the graph as without XLA.
   *
   * <p>Whether it pays depends on the model and the device: on 2 CPU cores it made the MLP, CNN and
   * LSTM of {@code keras4j bench --xla} slower, to predict and more so to train. Results agree with
   * the uncompiled graph to float32 rounding, not bit for bit.
   */
  public synchronized void jitCompile(boolean jitCompile) {
    if (runtime != null) {
      throw new IllegalStateException(
          "Model '" + name() + "' already has its graph: set jit_compile before it first runs");
    }
    this.jitCompile = jitCompile;
  }

  /** Whether the model's graph is compiled with XLA ({@link #jitCompile(boolean)}). */
  public boolean jitCompile() {
    return jitCompile;
  }

  /** The model's graph runtime, created on first use. */
  protected final synchronized ModelRuntime runtime() {
    if (closed) {
      throw new IllegalStateException("Model '" + name() + "' is closed");
    }
    if (runtime == null) {
      runtime = new ModelRuntime(this, device, jitCompile);
    }
    return runtime;
  }

  /** Releases the model's session and graph. The model cannot run afterwards. */
  @Override
  public synchronized void close() {
    closed = true;
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }

  // ---------------------------------------------------------------- training

  /**
   * Configures the model for training, as Keras' {@code model.compile}. Builds the model and the
   * optimizer's variables.
   */
  public synchronized void compile(Compile compile) {
    compile(compile, KerasRegistry.builtins());
  }

  /**
   * Compiles with a registry that resolves the metric names of a file's {@code compile_config}
   * (custom metrics included).
   */
  public synchronized void compile(Compile compile, KerasRegistry registry) {
    build();
    this.trainer = new Trainer(this, runtime(), compile, registry);
    trainer.buildOptimizer();
  }

  /** Whether {@link #compile} was called. */
  public boolean compiled() {
    return trainer != null;
  }

  /** The compile settings. */
  public Optional<Compile> compileOptions() {
    return trainer == null ? Optional.empty() : Optional.of(trainer.compile());
  }

  private Trainer trainer() {
    if (trainer == null) {
      throw new IllegalStateException(
          "Model '" + name() + "' must be compiled before training or evaluation: call compile()");
    }
    return trainer;
  }

  /**
   * Trains the model, as Keras' {@code model.fit(x, y, ...)}. Inputs and targets are whole-dataset
   * tensors (the first dimension counts samples) in input and output order; they stay the caller's.
   */
  public synchronized History fit(
      List<? extends Tensor> x, List<? extends Tensor> y, FitOptions options) {
    stopTraining = false;
    return FitLoop.fit(this, trainer(), x, y, options);
  }

  /**
   * Trains the model on a dataset read batch by batch, as Keras' {@code model.fit(dataset)}: each
   * epoch iterates {@code data} anew to its end, so that it need not fit in memory. The batches set
   * the batch size and carry their own sample weights; validation data, callbacks, epochs and the
   * progress bar (whose first epoch counts steps up to "Unknown", as Keras') apply as for
   * whole-dataset tensors, and {@code validation_split}, {@code sample_weight} and {@code
   * class_weight} are refused.
   */
  public synchronized History fit(Iterable<Batch> data, FitOptions options) {
    stopTraining = false;
    return FitLoop.fit(this, trainer(), data, options);
  }

  /** {@link #fit} on Java arrays, one per input and one per output. */
  public History fit(Object[] x, Object[] y, FitOptions options) {
    List<Tensor> tx = new ArrayList<>();
    List<Tensor> ty = new ArrayList<>();
    try {
      for (Object a : x) tx.add(JavaArrays.toTensor(a));
      for (Object a : y) ty.add(JavaArrays.toTensor(a));
      return fit(tx, ty, options);
    } finally {
      tx.forEach(Tensor::close);
      ty.forEach(Tensor::close);
    }
  }

  /** Evaluates one batch, as Keras' {@code test_on_batch}: the batch's loss and metrics. */
  public synchronized Map<String, Double> testOnBatch(
      List<? extends Tensor> x,
      List<? extends Tensor> y,
      @Nullable List<? extends Tensor> sampleWeight) {
    return trainer().testStep(x, y, sampleWeight, true);
  }

  /** The loss and metrics on the given data, as Keras' {@code model.evaluate}. */
  public synchronized Map<String, Double> evaluate(
      List<? extends Tensor> x, List<? extends Tensor> y, int batchSize) {
    return FitLoop.evaluate(trainer(), x, y, null, batchSize);
  }

  /** The loss and metrics on a dataset read batch by batch, as Keras' {@code evaluate(dataset)}. */
  public synchronized Map<String, Double> evaluate(Iterable<Batch> data) {
    return FitLoop.evaluate(trainer(), data);
  }

  /**
   * One training step on one batch, as Keras' {@code train_on_batch}: returns the batch's loss and
   * metrics.
   */
  public synchronized Map<String, Double> trainOnBatch(
      List<? extends Tensor> x,
      List<? extends Tensor> y,
      @Nullable List<? extends Tensor> sampleWeight) {
    return trainer().trainStep(x, y, sampleWeight, true);
  }

  /** Asks a running {@link #fit} to stop after the current epoch (Keras' {@code stop_training}). */
  public void setStopTraining(boolean stop) {
    this.stopTraining = stop;
  }

  public boolean stopTraining() {
    return stopTraining;
  }

  /**
   * The optimizer's variables as Keras saves them ({@code optimizer/vars}, in order): every one
   * once the model has trained or its optimizer state was loaded, else only the iteration count and
   * learning rate (Keras creates the rest on the first step). Empty for an uncompiled model.
   */
  public List<Weight> optimizerVariables() {
    return trainer == null ? List.of() : trainer.optimizerVariables();
  }

  /** Every variable of the optimizer, per-weight slots included; empty for an uncompiled model. */
  public List<Weight> allOptimizerVariables() {
    return trainer == null ? List.of() : trainer.allOptimizerVariables();
  }

  /**
   * Assigns a saved optimizer state: all of the optimizer's variables, or only its iteration count
   * and learning rate (an optimizer Keras saved before it trained).
   *
   * @throws IllegalArgumentException if the number of values fits neither
   */
  public void assignOptimizerState(List<? extends Tensor> values) {
    Trainer t = trainer();
    List<Weight> all = t.allOptimizerVariables();
    List<Weight> target;
    if (values.size() == all.size()) {
      target = all;
    } else if (values.size() == t.baseVariableCount()) {
      target = all.subList(0, values.size());
    } else {
      throw new IllegalArgumentException(
          "The optimizer of model '"
              + name()
              + "' has "
              + all.size()
              + " variables ("
              + t.baseVariableCount()
              + " before its first step); the saved state has "
              + values.size());
    }
    Map<Weight, Tensor> assign = new java.util.LinkedHashMap<>();
    for (int i = 0; i < target.size(); i++) assign.put(target.get(i), values.get(i));
    assignWeights(assign);
    if (target == all) t.markSlotsInUse();
  }

  // ---------------------------------------------------------------- summary

  /** Keras' summary table: each layer with its output shape and parameter count, then totals. */
  public String summary() {
    return Summary.of(this);
  }

  /** The input specs of a concrete call: the model's, with the given tensors' known dimensions. */
  static List<TensorSpec> signatureOf(List<TensorSpec> declared, List<? extends Tensor> inputs) {
    List<TensorSpec> sig = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      Shape actual = inputs.get(i).shape();
      Shape want = declared.get(i).shape();
      long[] dims = actual.asArray();
      dims[0] = Shape.UNKNOWN_SIZE; // one graph serves every batch size
      for (int d = 1; d < dims.length && d < want.numDimensions(); d++) {
        if (want.get(d) != Shape.UNKNOWN_SIZE) dims[d] = want.get(d);
      }
      sig.add(new TensorSpec(Shape.of(dims), declared.get(i).dtype()));
    }
    return sig;
  }
}

package io.keras4j.io.savedmodel;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * Exports a model as a TensorFlow SavedModel for serving: a graph holding only the inference
 * computation, the weights' current values, and a {@code serving_default} signature whose inputs
 * are named after the model's input layers and whose outputs after the layers that produce them
 * (the names TensorFlow Serving's REST {@code predict} API uses). An output name that repeats (a
 * layer with several outputs) gets {@code _1}, {@code _2}, ... appended.
 *
 * <pre>{@code
 * SavedModelExporter.export(model, Path.of("export/1"));
 * try (SavedModelBundle bundle = SavedModelBundle.load("export/1", "serve")) { ... }
 * }</pre>
 */
public final class SavedModelExporter {

  /** The signature TensorFlow Serving calls by default. */
  public static final String SERVING_DEFAULT = "serving_default";

  private SavedModelExporter() {}

  /** Writes the SavedModel into {@code dir}, which must not exist or be empty. */
  public static void export(Model model, Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.list(dir)) {
        if (files.findAny().isPresent()) {
          throw new IOException(dir + " is not empty: a SavedModel is exported into a new folder");
        }
      }
    }
    model.build();
    List<Weight> weights = model.weights();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Signature.Builder signature =
          Signature.builder().key(SERVING_DEFAULT).methodName("tensorflow/serving/predict");
      List<Operand<?>> inputs = new ArrayList<>();
      List<TensorSpec> specs = model.inputSpecs();
      for (int i = 0; i < specs.size(); i++) {
        TensorSpec spec = specs.get(i);
        String name = model.inputNames().get(i);
        Placeholder<?> p =
            tf.withName(io.keras4j.internal.Naming.opName(name))
                .placeholder(spec.dtype(), Placeholder.shape(spec.shape()));
        inputs.add(p);
        signature.input(name, p);
      }
      List<Operand<?>> outputs;
      try {
        outputs = model.apply(tf.withSubScope("serving"), inputs, CallContext.inference());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "Cannot export model '"
                + model.name()
                + "' for inputs "
                + specs.stream().map(s -> Shapes.toKeras(s.shape())).toList()
                + ": "
                + e.getMessage(),
            e);
      }
      Set<String> used = new HashSet<>();
      List<String> names = model.outputNames();
      for (int i = 0; i < outputs.size(); i++) {
        String base = names.get(i);
        String name = base;
        for (int k = 1; !used.add(name); k++) name = base + "_" + k;
        signature.output(name, outputs.get(i));
      }
      addResourceSaver(tf, weights);
      try (Session session = new Session(graph)) {
        copyWeights(model, weights, tf.withSubScope("restore"), session);
        SavedModelBundle.exporter(dir.toString())
            .withSession(session)
            .withSignature(signature.build())
            .export();
      } finally {
        // The export graph is about to close: the weights forget their variables in it.
        weights.forEach(w -> w.detach(graph));
      }
    }
  }

  /**
   * Save and restore ops for the model's resource variables, under the names TensorFlow Java's
   * exporter looks for ({@code save/filename}, {@code save/control_dependency}, {@code
   * save/restore_all}). Its own saver only handles reference variables ({@code VariableV2}).
   */
  private static void addResourceSaver(Ops root, List<Weight> weights) {
    Ops tf = root.withSubScope("save");
    Placeholder<TString> filename = tf.withName("filename").placeholder(TString.class);
    if (weights.isEmpty()) {
      tf.withName("control_dependency").identity(filename);
      tf.withName("restore_all").noOp();
      return;
    }
    String[] names = new String[weights.size()];
    List<Operand<?>> values = new ArrayList<>();
    List<Class<? extends TType>> types = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      Weight w = weights.get(i);
      // Weight paths repeat across layers (every LSTM's cell is lstm_cell): keys carry the index.
      names[i] = i + "/" + w.path();
      values.add(w.read(tf));
      types.add(w.dtype());
    }
    Operand<TString> keys = tf.constant(StdArrays.ndCopyOf(names));
    Operand<TString> slices = tf.zerosLike(keys);
    Op save = tf.train.save(filename, keys, slices, values);
    tf.withControlDependencies(List.of(filename, save))
        .withName("control_dependency")
        .identity(filename);
    Restore restored = tf.train.restore(filename, keys, slices, types);
    List<Op> assigns = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      assigns.add(tf.assignVariableOp(weights.get(i).handle(tf), restored.tensors().get(i)));
    }
    tf.withControlDependencies(assigns).withName("restore_all").noOp();
  }

  private static void copyWeights(Model model, List<Weight> weights, Ops tf, Session session) {
    if (weights.isEmpty()) return;
    Map<Placeholder<?>, Tensor> feeds = new LinkedHashMap<>();
    List<Op> assigns = new ArrayList<>();
    try {
      for (Weight w : weights) {
        Placeholder<?> p = tf.placeholder(w.dtype(), Placeholder.shape(w.shape()));
        assigns.add(tf.assignVariableOp(w.handle(tf), p));
        feeds.put(p, model.readWeight(w));
      }
      Session.Runner r = session.runner();
      feeds.forEach(r::feed);
      assigns.forEach(r::addTarget);
      r.run().close();
    } finally {
      feeds.values().forEach(Tensor::close);
    }
  }
}

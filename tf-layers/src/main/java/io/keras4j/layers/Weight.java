package io.keras4j.layers;

import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.internal.Naming;
import io.keras4j.regularizers.Regularizer;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Operands;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.family.TType;

/**
 * A layer's weight: Keras' {@code Variable}, declared once by {@link Layer#addWeight} and
 * materialized as a TensorFlow resource variable in each graph the layer is built into.
 *
 * <p>A weight keeps no values on the Java side: a {@link io.keras4j.models.Model} owns the session
 * that holds them. In an eager session the variable is initialized as soon as it is created.
 */
public final class Weight {

  private static final AtomicLong IDS = new AtomicLong();

  private final String name;
  private final String path;
  private final Shape shape;
  private final Class<? extends TType> dtype;
  private final WeightOptions options;
  private final String sharedName;
  private final Map<ExecutionEnvironment, Operand<? extends TType>> handles = new WeakHashMap<>();

  Weight(
      String name, String path, Shape shape, Class<? extends TType> dtype, WeightOptions options) {
    if (shape.isUnknown() || shape.hasUnknownDimension()) {
      throw new IllegalArgumentException(
          "Weight '" + path + "' needs a fully defined shape, received " + shape);
    }
    this.name = name;
    this.path = path;
    this.shape = shape;
    this.dtype = dtype;
    this.options = options;
    // Resource variables without distinct shared names share one storage.
    this.sharedName = path + "_" + IDS.incrementAndGet();
  }

  /**
   * A variable that belongs to no layer: an optimizer's slots and counters, a metric's state.
   *
   * @param path where the variable is known, such as {@code adam/iteration}
   */
  public static Weight create(
      String name, String path, Shape shape, Class<? extends TType> dtype, WeightOptions options) {
    return new Weight(name, path, shape, dtype, options);
  }

  /** The weight's own name, such as {@code kernel}. */
  public String name() {
    return name;
  }

  /** The layer's name and the weight's name, such as {@code dense_1/kernel}. */
  public String path() {
    return path;
  }

  public Shape shape() {
    return shape;
  }

  public Class<? extends TType> dtype() {
    return dtype;
  }

  /** Whether the weight itself is trainable (its layer may still be frozen). */
  public boolean trainable() {
    return options.trainable();
  }

  public Initializer initializer() {
    return options.initializer();
  }

  public @Nullable Regularizer regularizer() {
    return options.regularizer();
  }

  public @Nullable Constraint constraint() {
    return options.constraint();
  }

  /** Number of scalars in the weight. */
  public long size() {
    return shape.size();
  }

  /**
   * The variable's resource handle in {@code tf}'s graph or eager session, created on first use.
   */
  public synchronized Operand<? extends TType> handle(Ops tf) {
    ExecutionEnvironment env = tf.scope().env();
    Operand<? extends TType> handle = handles.get(env);
    if (handle == null) {
      if (env instanceof Graph graph) {
        handle = graphHandle(graph);
      } else {
        Ops base = Ops.create(env);
        handle = base.varHandleOp(dtype, shape, VarHandleOp.sharedName(sharedName));
        base.assignVariableOp(handle, initializer().call(base, shape, dtype));
      }
      handles.put(env, handle);
    }
    return handle;
  }

  /**
   * The variable's op in a graph, named after its path. Built directly rather than through name
   * scopes, which TensorFlow Java makes unique by scanning every op of the graph.
   */
  private Operand<? extends TType> graphHandle(Graph graph) {
    StringBuilder base = new StringBuilder();
    for (String part : path.split("/")) {
      if (base.length() > 0) base.append('/');
      base.append(Naming.opName(part));
    }
    String opName = base.toString();
    for (int i = 1; graph.operation(opName) != null; i++) {
      opName = base + "_" + i;
    }
    return graph
        .opBuilder(VarHandleOp.OP_NAME, opName, graph.baseScope())
        .setAttr("dtype", Operands.toDataType(dtype))
        .setAttr("shape", shape)
        .setAttr("shared_name", sharedName)
        .setAttr("container", "")
        .build()
        .output(0);
  }

  /**
   * Whether an open graph or eager session has a variable for this weight: a model has built the
   * layer into its graph, so the weight's initializer has run or is about to.
   */
  public synchronized boolean hasVariable() {
    return !handles.isEmpty();
  }

  /** Reads the variable's current value in {@code tf}'s graph or eager session. */
  @SuppressWarnings("unchecked")
  public <T extends TType> Operand<T> read(Ops tf) {
    return (Operand<T>) tf.readVariableOp(handle(tf), dtype);
  }

  /**
   * Forgets the variable of a graph or eager session that is being closed, so that the weight keeps
   * no reference to it.
   */
  public synchronized void detach(ExecutionEnvironment env) {
    handles.remove(env);
  }

  @Override
  public String toString() {
    return "Weight[" + path + ", shape=" + shape + ", " + DTypePolicy.kerasName(dtype) + "]";
  }
}

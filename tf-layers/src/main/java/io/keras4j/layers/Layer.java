package io.keras4j.layers;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.internal.Naming;
import io.keras4j.internal.OutputSpecTracer;
import io.keras4j.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * The base of every layer: Keras' {@code keras.layers.Layer}.
 *
 * <p>A subclass writes {@link #build(Ops, Shape)} (create weights with {@link #addWeight}), {@link
 * #call(Ops, Operand, CallContext)} (the computation) and {@link #computeOutputShape(Shape)}; a
 * layer with several inputs or outputs overrides the {@code List} forms of the same three methods.
 * Its settings live in one config record that {@link #getConfig()} returns and whose constructor is
 * the layer's {@code fromConfig}.
 *
 * <p>{@link #apply(Ops, List, CallContext)} runs the Keras template: it opens a name scope, builds
 * the layer once from the static input shapes, casts floating inputs to the compute dtype and calls
 * {@code call}. {@link #apply(KerasTensor)} is the symbolic form used to assemble functional
 * models.
 *
 * <pre>{@code
 * public final class MyLayer extends Layer {
 *   private final MyLayerConfig config;
 *   private Weight kernel;
 *
 *   public MyLayer(MyLayerConfig config, LayerArgs args) {
 *     super(args);
 *     this.config = config;
 *   }
 *
 *   protected void build(Ops tf, Shape inputShape) {
 *     kernel = addWeight(tf, "kernel", Shape.of(inputShape.get(1), config.outputDim()),
 *         WeightOptions.of(new RandomUniform()));
 *   }
 *
 *   protected Operand<?> call(Ops tf, Operand<?> x, CallContext ctx) {
 *     return tf.linalg.matMul(Tensors.floating(x), kernel.read(tf));
 *   }
 *
 *   public Shape computeOutputShape(Shape inputShape) {
 *     return Shape.of(inputShape.get(0), config.outputDim());
 *   }
 *
 *   public MyLayerConfig getConfig() {
 *     return config;
 *   }
 * }
 * }</pre>
 */
public abstract class Layer {

  private final LayerArgs args;
  private final String name;
  private boolean trainable;
  private final List<Weight> trainableWeights = new ArrayList<>();
  private final List<Weight> nonTrainableWeights = new ArrayList<>();
  private final List<Node> inboundNodes = new ArrayList<>();
  private @Nullable List<Shape> buildShapes;
  private boolean buildInputWasList;
  private boolean supportsMasking;
  private Map<String, JsonNode> unknownConfig = Map.of();

  protected Layer(LayerArgs args) {
    this.args = Objects.requireNonNull(args, "args");
    this.name =
        args.name() != null ? args.name() : Naming.uniqueLayerName(getClass().getSimpleName());
    this.trainable = args.trainable();
  }

  // ---------------------------------------------------------------- identity and settings

  public final String name() {
    return name;
  }

  /** The base arguments, with the layer's actual name and trainable flag. */
  public final LayerArgs args() {
    return args.withName(name).withTrainable(trainable);
  }

  public final boolean trainable() {
    return trainable;
  }

  /** Freezes or unfreezes the layer and, for a layer of layers, every layer inside it. */
  public void setTrainable(boolean trainable) {
    this.trainable = trainable;
    for (Layer child : children().values()) {
      child.setTrainable(trainable);
    }
  }

  public final DTypePolicy dtypePolicy() {
    return args.dtype();
  }

  /** The settings of the layer as its config record; the layer keeps no other copy of them. */
  public abstract Object getConfig();

  /**
   * Config keys read from a file that the layer does not know; saving writes them back unchanged.
   */
  public final Map<String, JsonNode> unknownConfig() {
    return unknownConfig;
  }

  /** Keeps config keys the layer does not know, so that saving writes them back. */
  public final void keepUnknownConfig(Map<String, JsonNode> keys) {
    this.unknownConfig = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  /**
   * Layers this layer owns, by the attribute name Keras saves them under in a {@code .keras} file
   * ({@code cell}, {@code forward_layer}, {@code query_dense}, ...), in the order Keras tracks them
   * (the order of the layer's {@code weights}: Bidirectional's forward layer before its backward
   * layer, MultiHeadAttention's query, key, value, then output projection).
   */
  public Map<String, Layer> children() {
    return Map.of();
  }

  // ---------------------------------------------------------------- weights

  /**
   * Creates a weight of this layer, named as Keras names it. Call it from {@link #build}; weights
   * are saved in the order they are created, trainable ones first.
   */
  protected final Weight addWeight(Ops tf, String name, Shape shape, WeightOptions options) {
    Class<? extends TType> dtype =
        options.dtype() != null ? options.dtype() : dtypePolicy().variableDtype();
    Weight w = new Weight(name, this.name + "/" + name, shape, dtype, options);
    (options.trainable() ? trainableWeights : nonTrainableWeights).add(w);
    return w;
  }

  /** This layer's own weights in Keras' saving order: trainable, then non-trainable. */
  public final List<Weight> ownWeights() {
    List<Weight> all = new ArrayList<>(trainableWeights);
    all.addAll(nonTrainableWeights);
    return Collections.unmodifiableList(all);
  }

  /** Every weight of the layer and of the layers it owns, without duplicates. */
  public List<Weight> weights() {
    Map<Weight, Boolean> seen = new LinkedHashMap<>();
    for (Weight w : ownWeights()) seen.put(w, true);
    for (Layer child : children().values()) {
      for (Weight w : child.weights()) seen.put(w, true);
    }
    return List.copyOf(seen.keySet());
  }

  /**
   * The weights that training updates: the trainable weights of this layer and of the layers it
   * owns, none of a frozen layer (Keras sets a frozen layer's variables untrainable).
   */
  public List<Weight> trainableWeights() {
    if (!trainable) return List.of();
    java.util.LinkedHashSet<Weight> out = new java.util.LinkedHashSet<>();
    for (Weight w : ownWeights()) if (w.trainable()) out.add(w);
    for (Layer child : sublayers()) out.addAll(child.trainableWeights());
    return List.copyOf(out);
  }

  /** Every weight that training does not update, in {@link #weights()} order. */
  public List<Weight> nonTrainableWeights() {
    java.util.Set<Weight> trainable = new java.util.HashSet<>(trainableWeights());
    return weights().stream().filter(w -> !trainable.contains(w)).toList();
  }

  /** The layers whose weights are part of this layer's: its children (a model's layers too). */
  protected List<Layer> sublayers() {
    return List.copyOf(children().values());
  }

  /** Number of scalars in all weights, as Keras' {@code count_params}. */
  public long countParams() {
    return weights().stream().mapToLong(Weight::size).sum();
  }

  // ---------------------------------------------------------------- the template

  public final boolean built() {
    return buildShapes != null;
  }

  /** The input shapes the layer was built for, or an empty list if it is not built. */
  public final List<Shape> buildInputShapes() {
    return buildShapes == null ? List.of() : buildShapes;
  }

  /**
   * The build shapes by argument name, for a layer whose Keras {@code build} takes named shapes
   * (MultiHeadAttention's {@code query_shape}, {@code value_shape}, {@code key_shape}); Keras then
   * saves them as {@code build_config.shapes_dict}. Empty for layers built from their input shapes
   * alone.
   */
  public Map<String, Shape> buildShapesDict() {
    return Map.of();
  }

  /** Whether the layer was built from a list of inputs (Keras' {@code build([a, b])}). */
  public final boolean builtFromList() {
    return buildInputWasList;
  }

  /**
   * Builds the layer without running it, as Keras does when it loads a {@code build_config}.
   *
   * @param asList whether the shapes stand for a list argument
   */
  public final synchronized void ensureBuilt(Ops tf, List<Shape> inputShapes, boolean asList) {
    // No name scope of its own: building creates variables, whose names are their paths, and
    // TensorFlow Java scans the whole graph for every new scope.
    buildIn(tf, inputShapes, asList);
  }

  /** Builds the layer with {@code scoped}'s ops, unless it is built already. */
  private synchronized void buildIn(Ops scoped, List<Shape> inputShapes, boolean asList) {
    if (buildShapes == null) {
      build(scoped, inputShapes);
      buildShapes = List.copyOf(inputShapes);
      buildInputWasList = asList;
    }
  }

  /**
   * Marks a layer without weights as built from its constructor, as Keras' {@code
   * _build_at_init()}: {@code build} is never called and no input shapes are recorded, so the
   * layer's config carries no {@code build_config}, as Keras writes it.
   */
  protected final synchronized void buildAtInit() {
    if (buildShapes == null) {
      buildShapes = List.of();
    }
  }

  /** Marks a layer that needs no weights as built, as Keras' {@code self.built = True}. */
  protected final synchronized void markBuilt(List<Shape> inputShapes) {
    if (buildShapes == null) {
      buildShapes = List.copyOf(inputShapes);
    }
  }

  /** Builds (once) and calls the layer on one input, in inference mode. */
  public final Operand<?> apply(Ops tf, Operand<?> input) {
    return single(apply(tf, List.of(input), CallContext.inference()), "outputs");
  }

  /** Builds (once) and calls the layer: Keras' {@code layer(inputs, training=..., mask=...)}. */
  public final List<Operand<?>> apply(
      Ops tf, List<? extends Operand<?>> inputs, CallContext context) {
    List<Shape> shapes = inputs.stream().map(Operand::shape).toList();
    // One name scope for building and calling: TensorFlow Java scans the whole graph for every
    // new scope.
    Ops scoped = tf.withSubScope(Naming.opName(name));
    buildIn(scoped, shapes, inputs.size() > 1);
    List<Operand<?>> cast = new ArrayList<>(inputs.size());
    Class<? extends TType> compute = dtypePolicy().computeDtype();
    for (Operand<?> x : inputs) {
      boolean floating = TFloating.class.isAssignableFrom(x.type());
      cast.add(autocast() && floating && x.type() != compute ? scoped.dtypes.cast(x, compute) : x);
    }
    List<Operand<?>> outputs =
        List.copyOf(call(scoped, Collections.unmodifiableList(cast), context));
    Regularizer activity = args.activityRegularizer();
    if (activity != null && context.collectsEffects()) {
      for (Operand<?> out : outputs) {
        context.addLoss(activityLoss(scoped, activity, Tensors.floating(out)));
      }
    }
    return outputs;
  }

  /** Keras' activity regularization: the regularizer of an output over its batch size. */
  private static <T extends TFloating> Operand<T> activityLoss(
      Ops tf, Regularizer r, Operand<T> out) {
    Operand<T> loss = r.call(tf, out);
    if (out.shape().numDimensions() == 0) return loss;
    Operand<T> batch =
        tf.dtypes.cast(
            tf.stridedSlice(
                tf.shape(out),
                tf.constant(new int[] {0}),
                tf.constant(new int[] {1}),
                tf.constant(new int[] {1}),
                org.tensorflow.op.core.StridedSlice.shrinkAxisMask(1L)),
            out.type());
    return tf.math.div(loss, batch);
  }

  /**
   * Whether floating inputs are cast to the compute dtype before {@code call}, as Keras' {@code
   * autocast}. A layer whose inputs are not values (Embedding's ids) turns it off.
   */
  protected boolean autocast() {
    return true;
  }

  /** Creates the layer's weights for inputs of the given shapes. Calls the one-input form. */
  protected void build(Ops tf, List<Shape> inputShapes) {
    build(tf, single(inputShapes, "inputs"));
  }

  /** Creates the layer's weights for an input of the given shape. */
  protected void build(Ops tf, Shape inputShape) {}

  /** The layer's computation. Calls the one-input, one-output form. */
  protected List<Operand<?>> call(Ops tf, List<Operand<?>> inputs, CallContext context) {
    return List.of(call(tf, single(inputs, "inputs"), context));
  }

  /** The layer's computation for one input and one output. */
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " overrides neither form of call()");
  }

  // ---------------------------------------------------------------- shapes, dtypes, masks

  /** The output shapes for the given input shapes. Calls the one-input form for one input. */
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    if (inputShapes.size() != 1) {
      throw new UnsupportedOperationException(
          getClass().getSimpleName() + " does not implement computeOutputShape(List)");
    }
    return List.of(computeOutputShape(inputShapes.get(0)));
  }

  /** The output shape for one input shape. */
  public Shape computeOutputShape(Shape inputShape) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " does not implement computeOutputShape");
  }

  /**
   * Shapes and dtypes of the outputs, as Keras' {@code compute_output_spec}. Uses {@link
   * #computeOutputShape(List)}; where a layer does not implement it, traces the layer in a scratch
   * graph. Output dtypes follow Keras' autocasting: the compute dtype for floating inputs, the
   * input's dtype otherwise.
   */
  public List<TensorSpec> computeOutputSpec(List<TensorSpec> inputs) {
    List<Shape> shapes;
    try {
      shapes = computeOutputShape(inputs.stream().map(TensorSpec::shape).toList());
    } catch (UnsupportedOperationException notImplemented) {
      return OutputSpecTracer.trace(this, inputs);
    }
    Class<? extends TType> dtype = outputDtype(inputs);
    return shapes.stream().map(s -> new TensorSpec(s, dtype)).toList();
  }

  /** The dtype of this layer's outputs for the given inputs. */
  protected Class<? extends TType> outputDtype(List<TensorSpec> inputs) {
    if (inputs.isEmpty() || TFloating.class.isAssignableFrom(inputs.get(0).dtype())) {
      return dtypePolicy().computeDtype();
    }
    return inputs.get(0).dtype();
  }

  /**
   * Whether the layer passes its input's mask through unchanged (Keras' {@code supports_masking}).
   */
  public final boolean supportsMasking() {
    return supportsMasking;
  }

  protected final void setSupportsMasking(boolean supportsMasking) {
    this.supportsMasking = supportsMasking;
  }

  /**
   * The masks of the outputs, as Keras' {@code compute_mask}: by default the first input's mask for
   * every output if the layer supports masking, none otherwise.
   */
  public List<@Nullable Operand<TBool>> computeMask(
      Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks, int outputCount) {
    List<@Nullable Operand<TBool>> out = new ArrayList<>(outputCount);
    Operand<TBool> m = supportsMasking && !masks.isEmpty() ? masks.get(0) : null;
    for (int i = 0; i < outputCount; i++) out.add(m);
    return out;
  }

  // ---------------------------------------------------------------- functional API

  /** Applies the layer to one symbolic tensor. */
  public final KerasTensor apply(KerasTensor input) {
    return single(applyAll(CallArgs.of(input)), "outputs");
  }

  /** Applies the layer to a list of symbolic tensors, as Keras' {@code layer([a, b])}. */
  public final KerasTensor apply(List<KerasTensor> inputs) {
    return single(applyAll(CallArgs.of(List.copyOf(inputs))), "outputs");
  }

  /** Applies the layer to arbitrary arguments and returns all its outputs. */
  public final synchronized List<KerasTensor> applyAll(CallArgs callArgs) {
    List<TensorSpec> specs = callArgs.tensors().stream().map(KerasTensor::spec).toList();
    List<TensorSpec> outSpecs = computeOutputSpec(specs);
    Node node = new Node(this, callArgs, outSpecs);
    inboundNodes.add(node);
    return node.outputs();
  }

  /** The nodes created by applying this layer to symbolic tensors, in order. */
  public final List<Node> inboundNodes() {
    return Collections.unmodifiableList(inboundNodes);
  }

  // ---------------------------------------------------------------- helpers

  /** The only element of {@code values}, or an error naming this layer. */
  protected final <V> V single(List<V> values, String what) {
    if (values.size() != 1) {
      throw new IllegalArgumentException(
          "Layer '"
              + name
              + "' ("
              + getClass().getSimpleName()
              + ") expects one tensor in its "
              + what
              + ", received "
              + values.size());
    }
    return values.get(0);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name + "]";
  }
}

package io.keras4j.layers.attention;

import io.keras4j.activations.BuiltinActivation;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Node;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.activations.Softmax;
import io.keras4j.layers.activations.SoftmaxConfig;
import io.keras4j.layers.attention.AttentionEquations.Attend;
import io.keras4j.layers.attention.AttentionEquations.Projection;
import io.keras4j.layers.core.EinsumDense;
import io.keras4j.layers.core.EinsumDenseConfig;
import io.keras4j.layers.regularization.Dropout;
import io.keras4j.layers.regularization.DropoutConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * Multi-head attention (Vaswani et al., 2017): Keras' {@code keras.layers.MultiHeadAttention}.
 *
 * <p>The {@code EinsumDense} layers {@code query}, {@code key} and {@code value} project their
 * inputs into {@code num_heads} heads of {@code key_dim} (query, key) and {@code value_dim} (value)
 * channels. Per head, {@code scores = softmax(q · kᵀ / sqrt(key_dim))} over the attention axes,
 * where masked pairs get no weight (the query, value and key masks, {@code attention_mask}, {@code
 * use_causal_mask}, {@code sliding_window}); the heads' {@code scores · v}, times {@code
 * gate(query)} (a sigmoid projection) when {@code use_gate}, are projected by {@code
 * attention_output} back to the query's last dimension or to {@code output_shape}.
 *
 * <p>Called as {@code (query, value)} or {@code (query, value, key)}; {@code key} and {@code
 * attention_mask} may be keyword arguments. Query {@code (batch, T, dim)}, value and key {@code
 * (batch, S, dim)}; output {@code (batch, T, dim)} and, with the call argument {@code
 * return_attention_scores}, the scores {@code (batch, num_heads, T, S)}. Weights: kernel and bias
 * of each projection, under {@code query_dense}, {@code key_dense}, {@code value_dense} and {@code
 * output_dense} as Keras saves them.
 *
 * <pre>{@code
 * MultiHeadAttention mha = new MultiHeadAttention(MultiHeadAttentionConfig.builder(2, 3).build());
 * KerasTensor y = mha.apply(List.of(Input.of(5, 6), Input.of(4, 6))); // (None, 5, 6)
 * }</pre>
 */
public final class MultiHeadAttention extends Layer {

  /** Where each call argument sits among the tensors a call receives; -1 where absent. */
  private record Roles(
      int query, int value, int key, int attentionMask, int valueMask, int keyMask) {

    /** Positional tensors fill query, value, key in order; keyword tensors name themselves. */
    static Roles of(int count, Map<String, Integer> keywords) {
      int positional = keywords.values().stream().min(Integer::compare).orElse(count);
      int query = keywords.getOrDefault("query", 0);
      int value = keywords.getOrDefault("value", positional > 1 ? 1 : -1);
      int key = keywords.getOrDefault("key", positional > 2 ? 2 : -1);
      if (value < 0) {
        throw new IllegalArgumentException(
            "MultiHeadAttention expects a query and a value, received " + count + " tensors");
      }
      return new Roles(
          query,
          value,
          key,
          keywords.getOrDefault("attention_mask", -1),
          keywords.getOrDefault("value_mask", -1),
          keywords.getOrDefault("key_mask", -1));
    }
  }

  // Keras parity: building resolves attention_axes, and a built layer's config reports them.
  private MultiHeadAttentionConfig config;
  private final Map<String, Layer> children = new LinkedHashMap<>();
  private @Nullable Attend attend;

  public MultiHeadAttention(MultiHeadAttentionConfig config) {
    this(config, LayerArgs.defaults());
  }

  /**
   * @param args base arguments; an activity regularizer among them regularizes the four
   *     projections, as Keras' {@code activity_regularizer} argument of this layer does, and is
   *     kept in the config
   */
  public MultiHeadAttention(MultiHeadAttentionConfig config, LayerArgs args) {
    super(args.withActivityRegularizer(null));
    this.config =
        args.activityRegularizer() != null && config.activityRegularizer() == null
            ? config.toBuilder().activityRegularizer(args.activityRegularizer()).build()
            : config;
    setSupportsMasking(true);
  }

  /** The shapes {@code build} was given, by Keras' argument names. */
  private final Map<String, Shape> shapesDict = new java.util.LinkedHashMap<>();

  @Override
  public synchronized Map<String, Shape> buildShapesDict() {
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shapesDict));
  }

  @Override
  protected void build(Ops tf, List<Shape> inputShapes) {
    // The shapes alone do not say which tensor is the key: the call does. A model's node records
    // it; a direct call with three or more tensors builds the projections when it runs.
    List<Node> nodes = inboundNodes();
    if (!nodes.isEmpty() || inputShapes.size() <= 2) {
      Map<String, Integer> keywords =
          nodes.isEmpty() ? Map.of() : nodes.get(0).args().tensorKwargs();
      buildProjections(tf, inputShapes, Roles.of(inputShapes.size(), keywords));
    }
  }

  private synchronized void buildProjections(Ops tf, List<Shape> inputShapes, Roles roles) {
    if (!children.isEmpty()) {
      return;
    }
    Shape query = inputShapes.get(roles.query());
    Shape value = inputShapes.get(roles.value());
    Shape key = roles.key() < 0 ? value : inputShapes.get(roles.key());
    shapesDict.put("query_shape", query);
    shapesDict.put("value_shape", value);
    if (roles.key() >= 0) shapesDict.put("key_shape", key);
    if (!middle(value).equals(middle(key))) {
      throw new IllegalArgumentException(
          "All dimensions of `value` and `key`, except the last one, must be equal. Received:"
              + " value_shape="
              + Shapes.toKeras(value)
              + " and key_shape="
              + Shapes.toKeras(key));
    }
    List<Long> keyHeads = List.of((long) config.numHeads(), (long) config.keyDim());
    List<Long> valueHeads = List.of((long) config.numHeads(), (long) config.valueDim());
    children.put("query_dense", projection(tf, "query", query, 1, keyHeads, false));
    children.put("key_dense", projection(tf, "key", key, 1, keyHeads, false));
    if (config.useGate()) {
      children.put("_gate_dense", projection(tf, "gate", query, 1, valueHeads, true));
    }
    children.put("value_dense", projection(tf, "value", value, 1, valueHeads, false));

    int rank = query.numDimensions() + 1; // projected: (batch, ..., heads, channels)
    List<Integer> axes = new ArrayList<>();
    if (config.attentionAxes() == null) {
      for (int i = 1; i < rank - 2; i++) axes.add(i);
    } else {
      for (int a : config.attentionAxes()) axes.add(a >= 0 ? a : rank - 1 + a);
    }
    config = config.toBuilder().attentionAxes(axes).build();
    attend = AttentionEquations.attend(rank, axes);
    List<Integer> softmaxAxes = new ArrayList<>();
    for (int i = attend.scoresRank() - axes.size(); i < attend.scoresRank(); i++)
      softmaxAxes.add(i);
    LayerArgs sublayer = LayerArgs.defaults().withDtype(dtypePolicy());
    children.put("_softmax", new Softmax(SoftmaxConfig.of(softmaxAxes), sublayer));
    DropoutConfig dropout = DropoutConfig.builder(config.dropout()).seed(config.seed()).build();
    children.put("_dropout_layer", new Dropout(dropout, sublayer));

    List<Long> output =
        config.outputShape() != null
            ? config.outputShape()
            : List.of(query.get(query.numDimensions() - 1));
    Shape heads = query.take(query.numDimensions() - 1).append(config.numHeads());
    children.put(
        "output_dense",
        projection(tf, "attention_output", heads.append(config.valueDim()), 2, output, false));
  }

  /**
   * An {@code EinsumDense} projecting {@code bound} last axes of {@code input} onto {@code dims}.
   */
  private EinsumDense projection(
      Ops tf, String name, Shape input, int bound, List<Long> dims, boolean gate) {
    Projection p = AttentionEquations.projection(input.numDimensions() - bound, bound, dims.size());
    EinsumDenseConfig.Builder b =
        EinsumDenseConfig.builder(
                p.equation(), AttentionEquations.outputShape(p.outputRank() - 1, dims))
            .biasAxes(config.useBias() ? p.biasAxes() : null)
            .kernelInitializer(config.kernelInitializer())
            .biasInitializer(config.biasInitializer())
            .kernelRegularizer(config.kernelRegularizer())
            .biasRegularizer(config.biasRegularizer())
            .kernelConstraint(config.kernelConstraint())
            .biasConstraint(config.biasConstraint());
    if (gate) {
      b.activation(BuiltinActivation.SIGMOID);
    }
    LayerArgs args =
        LayerArgs.named(name)
            .withDtype(dtypePolicy())
            .withActivityRegularizer(config.activityRegularizer());
    EinsumDense dense = new EinsumDense(b.build(), args);
    dense.ensureBuilt(tf, List.of(input), false);
    return dense;
  }

  @Override
  protected List<Operand<?>> call(Ops tf, List<Operand<?>> inputs, CallContext context) {
    Roles roles = Roles.of(inputs.size(), context.tensorArguments());
    buildProjections(tf, inputs.stream().map(Operand::shape).toList(), roles);
    Operand<?> key = inputs.get(roles.key() < 0 ? roles.value() : roles.key());
    return attention(
        tf,
        Tensors.floating(inputs.get(roles.query())),
        Tensors.floating(inputs.get(roles.value())),
        Tensors.floating(key),
        attentionMask(tf, inputs, roles, context),
        context);
  }

  private <T extends TFloating> List<Operand<?>> attention(
      Ops tf,
      Operand<T> query,
      Operand<T> value,
      Operand<T> key,
      @Nullable Operand<TBool> mask,
      CallContext context) {
    // Sublayers see the training flag and the step's effects, not this call's masks or arguments.
    CallContext inner = context.withMasks(List.of()).withArguments(Map.of(), Map.of());
    Operand<T> q = sublayer("query_dense", tf, query, inner);
    Operand<T> k = sublayer("key_dense", tf, key, inner);
    Operand<T> v = sublayer("value_dense", tf, value, inner);
    double scale = 1.0 / Math.sqrt(config.keyDim());
    q = tf.math.mul(q, tf.dtypes.cast(tf.constant(scale), q.type()));
    Operand<T> scores = tf.linalg.einsum(List.of(k, q), attend.dotProduct());
    if (mask != null) {
      // Keras parity: the mask gains axes from the heads' axis on until it has the scores' rank.
      int at = -2 * config.attentionAxes().size() - 1;
      while (mask.shape().numDimensions() < scores.shape().numDimensions()) {
        mask = tf.expandDims(mask, tf.constant(at));
      }
    }
    List<@Nullable Operand<TBool>> masks = Collections.singletonList(mask);
    Operand<T> weights = sublayer("_softmax", tf, scores, inner.withMasks(masks));
    Operand<T> dropped =
        config.dropout() > 0 ? sublayer("_dropout_layer", tf, weights, inner) : weights;
    Operand<T> output = tf.linalg.einsum(List.of(dropped, v), attend.combine());
    if (config.useGate()) {
      output = tf.math.mul(output, sublayer("_gate_dense", tf, query, inner));
    }
    output = sublayer("output_dense", tf, output, inner);
    if (context.argument("return_attention_scores", false)) {
      return List.of(output, weights);
    }
    return List.of(output);
  }

  /**
   * The pairs of query and key steps that may attend, {@code null} if all: Keras' {@code
   * _compute_attention_mask}, the AND of the query mask {@code (batch, T, 1)}, the value and key
   * masks {@code (batch, 1, S)}, the causal and sliding-window masks {@code (1, T, S)} and {@code
   * attention_mask}.
   */
  private @Nullable Operand<TBool> attentionMask(
      Ops tf, List<Operand<?>> inputs, Roles roles, CallContext context) {
    List<Operand<TBool>> masks = new ArrayList<>();
    Operand<TBool> queryMask = context.mask(roles.query());
    if (queryMask != null) masks.add(tf.expandDims(queryMask, tf.constant(-1)));
    Operand<TBool> valueMask =
        roles.valueMask() >= 0
            ? bool(tf, inputs.get(roles.valueMask()))
            : context.mask(roles.value());
    if (valueMask != null) masks.add(tf.expandDims(valueMask, tf.constant(-2)));
    Operand<TBool> keyMask =
        roles.keyMask() >= 0
            ? bool(tf, inputs.get(roles.keyMask()))
            : roles.key() >= 0 ? context.mask(roles.key()) : null;
    if (keyMask != null) masks.add(tf.expandDims(keyMask, tf.constant(-2)));
    Operand<?> query = inputs.get(roles.query());
    Operand<?> value = inputs.get(roles.value());
    if (context.argument("use_causal_mask", false)) {
      masks.add(stepMask(tf, query, value, null));
    }
    if (config.slidingWindow() != null) {
      masks.add(stepMask(tf, query, value, config.slidingWindow()));
    }
    if (roles.attentionMask() >= 0) {
      masks.add(bool(tf, inputs.get(roles.attentionMask())));
    }
    Operand<TBool> mask = null;
    for (Operand<TBool> m : masks) {
      mask = mask == null ? m : tf.math.logicalAnd(mask, m);
    }
    return mask;
  }

  /**
   * A {@code (1, T, S)} mask over query steps {@code i} and key steps {@code j}: causal ({@code j
   * <= i}) without a window, else the band {@code |i - j| < window}.
   */
  private static Operand<TBool> stepMask(
      Ops tf, Operand<?> query, Operand<?> value, @Nullable Integer window) {
    Operand<TInt32> rows = steps(tf, query);
    Operand<TInt32> cols = steps(tf, value);
    Operand<TInt32> i = tf.reshape(rows, tf.constant(new int[] {1, -1, 1}));
    Operand<TInt32> j = tf.reshape(cols, tf.constant(new int[] {1, 1, -1}));
    if (window == null) {
      return tf.math.greaterEqual(i, j);
    }
    return tf.math.less(tf.math.abs(tf.math.sub(i, j)), tf.constant(window.intValue()));
  }

  /** {@code 0, 1, ..., n - 1} over the second axis of {@code x}. */
  private static Operand<TInt32> steps(Ops tf, Operand<?> x) {
    Operand<TInt32> n = tf.gather(tf.shape(x), tf.constant(1), tf.constant(0));
    return tf.range(tf.constant(0), n, tf.constant(1));
  }

  private static Operand<TBool> bool(Ops tf, Operand<?> mask) {
    return mask.type() == TBool.class ? Tensors.bool(mask) : tf.dtypes.cast(mask, TBool.class);
  }

  private <T extends TFloating> Operand<T> sublayer(
      String name, Ops tf, Operand<T> x, CallContext context) {
    return Tensors.floating(children.get(name).apply(tf, List.of(x), context).get(0));
  }

  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    Shape query = inputShapes.get(0);
    if (config.outputShape() == null) {
      return List.of(query);
    }
    Shape out = query.take(query.numDimensions() - 1);
    for (long d : config.outputShape()) out = out.append(d);
    return List.of(out);
  }

  /** The query's mask, on the attention output only. */
  @Override
  public List<@Nullable Operand<TBool>> computeMask(
      Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks, int outputCount) {
    List<@Nullable Operand<TBool>> out = new ArrayList<>(Collections.nCopies(outputCount, null));
    if (!masks.isEmpty() && outputCount > 0) out.set(0, masks.get(0));
    return out;
  }

  /**
   * The projections ({@code query_dense}, {@code key_dense}, {@code value_dense}, {@code
   * output_dense}), the gate, softmax and dropout, by Keras' attribute names, in the order Keras
   * tracks them.
   */
  @Override
  public Map<String, Layer> children() {
    return Collections.unmodifiableMap(children);
  }

  @Override
  public MultiHeadAttentionConfig getConfig() {
    return config;
  }

  /** Dimensions between the batch axis and the last one. */
  private static Shape middle(Shape s) {
    return s.take(s.numDimensions() - 1).tail();
  }
}

package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonValue;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Constant;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Zeros;
import io.keras4j.internal.Naming;
import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * Keras' {@code BaseOptimizer}: the variables every optimizer has, and the template of a training
 * step. A subclass creates its slots in {@link #createVariables} and writes its update rule in
 * {@link #updateStep}; the base class does the rest, in Keras' order:
 *
 * <ol>
 *   <li>weights without a gradient are skipped;
 *   <li>gradients are clipped ({@code clipnorm} per gradient, else {@code global_clipnorm}, else
 *       {@code clipvalue});
 *   <li>weight decay multiplies each weight by {@code 1 - weight_decay * lr}, except the weights
 *       {@link #excludeFromWeightDecay excluded} from it;
 *   <li>the update rule runs for each weight with the learning rate of this step;
 *   <li>each weight's constraint projects its new value;
 *   <li>the iteration counter increments.
 * </ol>
 *
 * <p>The learning rate is a schedule's value at the iteration count before the increment, or a
 * float32 variable {@code learning_rate}. Variables are {@code iteration} (int32, as Keras' torch
 * and JAX backends store it), {@code learning_rate} when constant, then the slots, each named after
 * its weight's path and its kind under the optimizer's name ({@code adam/dense_kernel_momentum}).
 *
 * <p>Where Keras' backends round differently, the rules follow the torch backend, which produced
 * the reference fixtures (such as {@code m = m * beta_1 + (1 - beta_1) * g} for Adam's momentum).
 *
 * @param <C> the optimizer's config record
 */
public abstract class BaseOptimizer<C extends OptimizerConfig> implements Optimizer {

  private final C config;
  private final Weight iterations;
  private final @Nullable Weight learningRate;
  private final List<Weight> variables = new ArrayList<>();
  private final Map<Weight, Integer> indices = new IdentityHashMap<>();
  private final Set<Weight> excludedFromDecay = Collections.newSetFromMap(new IdentityHashMap<>());
  private @Nullable Pattern excludedFromDecayNames;
  private boolean built;

  protected BaseOptimizer(C config) {
    this.config = Objects.requireNonNull(config, "config");
    checkSharedKeys();
    iterations =
        Weight.create(
            "iteration",
            config.name() + "/iteration",
            Shape.scalar(),
            TInt32.class,
            WeightOptions.of(new Zeros()).trainable(false));
    variables.add(iterations);
    if (config.learningRate() instanceof LearningRate.Constant c) {
      learningRate =
          Weight.create(
              "learning_rate",
              config.name() + "/learning_rate",
              Shape.scalar(),
              TFloat32.class,
              WeightOptions.of(new Constant(c.value())).trainable(false));
      variables.add(learningRate);
    } else {
      learningRate = null;
    }
  }

  /** The config this optimizer was created with; Keras JSON writes it as the optimizer. */
  @JsonValue
  public C getConfig() {
    return config;
  }

  @Override
  public String name() {
    return config.name();
  }

  // ------------------------------------------------------------------ variables

  @Override
  public final synchronized void build(List<Weight> trainable) {
    if (built) return;
    checkSupported();
    Map<Weight, Integer> index = new IdentityHashMap<>();
    for (Weight w : trainable) {
      if (!TFloating.class.isAssignableFrom(w.dtype())) {
        throw new IllegalArgumentException(
            kind()
                + " can only train floating-point weights; '"
                + w.path()
                + "' has dtype "
                + DTypePolicy.kerasName(w.dtype()));
      }
      if (index.putIfAbsent(w, index.size()) != null) {
        throw new IllegalArgumentException(
            kind() + " received weight '" + w.path() + "' twice in its trainable weights");
      }
    }
    indices.putAll(index);
    createVariables(List.copyOf(trainable));
    built = true;
  }

  /**
   * Creates the optimizer's slots for these weights, as a Keras optimizer's {@code build}, with
   * {@link #addOptimizerVariables} and {@link #addVariable}.
   */
  protected abstract void createVariables(List<Weight> trainable);

  @Override
  public synchronized List<Weight> variables() {
    return List.copyOf(variables);
  }

  @Override
  public Weight iterations() {
    return iterations;
  }

  @Override
  public Optional<Weight> learningRateVariable() {
    return Optional.ofNullable(learningRate);
  }

  /** Whether {@link #build} has created the slots. */
  public synchronized boolean isBuilt() {
    return built;
  }

  /**
   * One slot per weight, zeros of the weight's shape and dtype, in the weights' order: Keras'
   * {@code add_optimizer_variables(vars, name)}.
   */
  protected final List<Weight> addOptimizerVariables(List<Weight> trainable, String name) {
    return addOptimizerVariables(trainable, name, new Zeros());
  }

  /** One slot per weight with the given initializer, in the weights' order. */
  protected final List<Weight> addOptimizerVariables(
      List<Weight> trainable, String name, Initializer initializer) {
    return addOptimizerVariables(trainable, List.of(name), initializer).get(0);
  }

  /**
   * Slots of several kinds, zeros, interleaved per weight as Keras creates them ({@code w0_m, w0_v,
   * w1_m, w1_v, ...}); returns one list per name.
   */
  protected final List<List<Weight>> addOptimizerVariables(
      List<Weight> trainable, List<String> names) {
    return addOptimizerVariables(trainable, names, new Zeros());
  }

  private List<List<Weight>> addOptimizerVariables(
      List<Weight> trainable, List<String> names, Initializer initializer) {
    List<List<Weight>> slots = new ArrayList<>();
    names.forEach(n -> slots.add(new ArrayList<>()));
    for (Weight w : trainable) {
      for (int i = 0; i < names.size(); i++) {
        String name = w.path().replace('/', '_') + "_" + names.get(i);
        slots.get(i).add(addVariable(name, w.shape(), w.dtype(), initializer));
      }
    }
    return slots.stream().map(List::copyOf).toList();
  }

  /** A new variable of the optimizer, appended to {@link #variables()}. */
  protected final synchronized Weight addVariable(
      String name, Shape shape, Class<? extends TType> dtype, Initializer initializer) {
    Weight w =
        Weight.create(
            name,
            config.name() + "/" + name,
            shape,
            dtype,
            WeightOptions.of(initializer).trainable(false));
    variables.add(w);
    return w;
  }

  /** The slot of {@code weight} among slots created by {@link #addOptimizerVariables}. */
  protected final Weight slot(List<Weight> slots, Weight weight) {
    Integer i = indices.get(weight);
    if (i == null) throw unknown(weight);
    return slots.get(i);
  }

  // ------------------------------------------------------------------ weight decay

  /**
   * Exempts weights from weight decay, before the optimizer is built: Keras' {@code
   * exclude_from_weight_decay(var_list, var_names)}. A weight is exempt when it is in {@code
   * weights} or when one of the regular expressions {@code names} is found in its name ({@code
   * "bias"} exempts every bias).
   */
  public synchronized void excludeFromWeightDecay(
      Collection<Weight> weights, Collection<String> names) {
    if (built) {
      throw new IllegalStateException(
          "`exclude_from_weight_decay()` can only be configured before the optimizer is built.");
    }
    excludedFromDecay.clear();
    excludedFromDecay.addAll(weights);
    excludedFromDecayNames =
        names.isEmpty() ? null : Pattern.compile(String.join("|", Set.copyOf(names)));
  }

  private boolean decays(Weight w) {
    if (excludedFromDecay.contains(w)) return false;
    return excludedFromDecayNames == null || !excludedFromDecayNames.matcher(w.name()).find();
  }

  // ------------------------------------------------------------------ a step

  @Override
  public Operand<TFloat32> learningRate(Ops tf) {
    if (learningRate != null) {
      return learningRate.read(tf);
    }
    LearningRate.Scheduled s = (LearningRate.Scheduled) config.learningRate();
    Operand<TInt32> step = iterations.read(tf);
    return s.schedule().call(tf, step);
  }

  @Override
  public final Op apply(Ops tf, List<@Nullable Operand<?>> gradients, List<Weight> weights) {
    return apply(tf, gradients, weights, true);
  }

  @Override
  public final Op applyAfterReads(
      Ops tf, List<@Nullable Operand<?>> gradients, List<Weight> weights) {
    return apply(tf, gradients, weights, false);
  }

  /**
   * @param barrier whether no weight changes before every gradient has been computed, or each
   *     weight as soon as the gradients it depends on are
   */
  private synchronized Op apply(
      Ops tf, List<@Nullable Operand<?>> gradients, List<Weight> weights, boolean barrier) {
    if (gradients.size() != weights.size()) {
      throw new IllegalArgumentException(
          kind()
              + " received "
              + gradients.size()
              + " gradients for "
              + weights.size()
              + " weights; expected one gradient per weight");
    }
    build(weights);
    Ops scope = tf.withSubScope(Naming.opName(name()));
    List<Operand<? extends TFloating>> grads = new ArrayList<>();
    List<Weight> vars = new ArrayList<>();
    List<Operation> after = new ArrayList<>();
    if (!tf.scope().env().isEager()) {
      // A new control-dependency scope replaces the caller's: keep them through a barrier.
      after.add(scope.noOp().op());
    }
    for (int i = 0; i < weights.size(); i++) {
      Weight w = weights.get(i);
      if (!indices.containsKey(w)) throw unknown(w);
      Operand<?> g = gradients.get(i);
      // Keras parity: a weight without a gradient is left alone.
      if (g == null) continue;
      grads.add(cast(tf, g, floating(w)));
      vars.add(w);
      if (barrier) after.add(g.op());
    }
    if (grads.isEmpty()) {
      throw new IllegalArgumentException("No gradients provided for any variable.");
    }
    // With the barrier, no weight changes before every gradient, and so the forward pass, has
    // been computed; without it, each update waits for the gradients it reads as data.
    Ops s = after(scope, after);
    Operand<TFloat32> lr = learningRate(s);
    List<Operand<? extends TFloating>> clipped = clipGradients(s, grads);
    List<Op> decays = applyWeightDecay(s, vars, lr);
    decays.forEach(op -> after.add(op.op()));
    List<Op> updates = updateSteps(after(scope, after), clipped, vars, lr);
    updates.forEach(op -> after.add(op.op()));
    List<Op> constraints = applyConstraints(after(scope, after), vars);
    constraints.forEach(op -> after.add(op.op()));
    Ops last = after(scope, after);
    return last.assignAddVariableOp(iterations.handle(tf), last.constant(1));
  }

  /**
   * The updates of all weights for one step, Keras' {@code _backend_update_step}: by default {@link
   * #updateStep} for each weight. Override it for state shared by all weights (Nadam's
   * momentum-decay product).
   *
   * @param gradients clipped, of their weights' dtypes
   */
  protected List<Op> updateSteps(
      Ops tf,
      List<Operand<? extends TFloating>> gradients,
      List<Weight> weights,
      Operand<TFloat32> learningRate) {
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      ops.addAll(step(tf, gradients.get(i), weights.get(i), learningRate));
    }
    return ops;
  }

  private <T extends TFloating> List<Op> step(
      Ops tf, Operand<T> gradient, Weight weight, Operand<TFloat32> learningRate) {
    return updateStep(tf, gradient, weight, cast(tf, learningRate, gradient.type()));
  }

  /**
   * The update rule for one weight, Keras' {@code update_step(gradient, variable, learning_rate)}:
   * the assignments of the weight and its slots. Read each variable once and derive every new value
   * from that read, so the step sees consistent values.
   *
   * @param gradient the clipped gradient, of the weight's dtype
   * @param learningRate this step's learning rate, of the weight's dtype
   */
  protected abstract <T extends TFloating> List<Op> updateStep(
      Ops tf, Operand<T> gradient, Weight weight, Operand<T> learningRate);

  // ------------------------------------------------------------------ helpers for update rules

  /** {@code iterations + 1} in {@code dtype}: the 1-based number of the step being taken. */
  protected final <T extends TNumber> Operand<T> localStep(Ops tf, Class<T> dtype) {
    return plusIterations(tf, 1, dtype);
  }

  /** {@code iterations + offset} in {@code dtype}. */
  protected final <T extends TNumber> Operand<T> plusIterations(
      Ops tf, int offset, Class<T> dtype) {
    Operand<TInt32> it = iterations.read(tf);
    return tf.dtypes.cast(tf.math.add(it, tf.constant(offset)), dtype);
  }

  /** A Java (Python) float as a scalar of {@code dtype}, rounded once, as Keras casts scalars. */
  protected static <T extends TNumber> Operand<T> scalar(Ops tf, double value, Class<T> dtype) {
    return tf.constant(dtype, value);
  }

  /** Keras' {@code assign(variable, value)}. */
  protected static Op assign(Ops tf, Weight w, Operand<?> value) {
    return tf.assignVariableOp(w.handle(tf), value);
  }

  /** Keras' {@code assign_add(variable, value)}. */
  protected static Op assignAdd(Ops tf, Weight w, Operand<?> value) {
    return tf.assignAddVariableOp(w.handle(tf), value);
  }

  /** Keras' {@code assign_sub(variable, value)}. */
  protected static Op assignSub(Ops tf, Weight w, Operand<?> value) {
    return tf.assignSubVariableOp(w.handle(tf), value);
  }

  /** {@code value} in {@code dtype}, without an op when it already has it. */
  @SuppressWarnings("unchecked")
  protected static <T extends TType> Operand<T> cast(Ops tf, Operand<?> value, Class<T> dtype) {
    return value.type() == dtype ? (Operand<T>) value : tf.dtypes.cast(value, dtype);
  }

  // ------------------------------------------------------------------ the template's steps

  private List<Operand<? extends TFloating>> clipGradients(
      Ops tf, List<Operand<? extends TFloating>> grads) {
    Double clipnorm = config.clipnorm();
    Double globalClipnorm = config.globalClipnorm();
    Double clipvalue = config.clipvalue();
    List<Operand<? extends TFloating>> out = new ArrayList<>();
    if (clipnorm != null && clipnorm > 0) {
      grads.forEach(g -> out.add(clipByNorm(tf, g, clipnorm)));
    } else if (globalClipnorm != null && globalClipnorm > 0) {
      Operand<TFloat32> scale = globalNormScale(tf, grads, globalClipnorm);
      grads.forEach(g -> out.add(scaled(tf, g, scale)));
    } else if (clipvalue != null && clipvalue > 0) {
      grads.forEach(g -> out.add(clipByValue(tf, g, clipvalue)));
    } else {
      out.addAll(grads);
    }
    return out;
  }

  /** Keras' {@code _clip_by_norm}: {@code g * c / max(||g||, c)}, safe for a zero gradient. */
  private static <T extends TFloating> Operand<T> clipByNorm(
      Ops tf, Operand<T> g, double clipnorm) {
    Class<T> t = g.type();
    Operand<T> l2sum = tf.reduceSum(tf.math.square(g), allAxes(tf, g), ReduceSum.keepDims(true));
    Operand<TBool> positive = tf.math.greater(l2sum, scalar(tf, 0, t));
    Operand<T> safe = tf.select(positive, l2sum, tf.onesLike(l2sum));
    Operand<T> l2norm = tf.select(positive, tf.math.sqrt(safe), l2sum);
    Operand<T> c = scalar(tf, clipnorm, t);
    return tf.math.div(tf.math.mul(g, c), tf.math.maximum(l2norm, c));
  }

  /**
   * Keras' {@code clip_by_global_norm} factor: {@code c * min(1 / n, 1 / c) + (n - n)} with {@code
   * n} the global norm of all gradients, so an infinite or NaN norm makes it NaN.
   */
  private static Operand<TFloat32> globalNormScale(
      Ops tf, List<Operand<? extends TFloating>> grads, double clipnorm) {
    List<Operand<TFloat32>> squared = new ArrayList<>();
    for (Operand<? extends TFloating> g : grads) {
      squared.add(squaredSum(tf, g));
    }
    Operand<TFloat32> norm =
        tf.math.sqrt(tf.reduceSum(tf.stack(squared), tf.constant(new int[] {0})));
    Operand<TFloat32> one = tf.constant(1.0f);
    Operand<TFloat32> scale =
        tf.math.mul(
            scalar(tf, clipnorm, TFloat32.class),
            tf.math.minimum(tf.math.div(one, norm), scalar(tf, 1.0 / clipnorm, TFloat32.class)));
    return tf.math.add(scale, tf.math.sub(norm, norm));
  }

  private static <T extends TFloating> Operand<TFloat32> squaredSum(Ops tf, Operand<T> g) {
    return cast(tf, tf.reduceSum(tf.math.square(g), allAxes(tf, g)), TFloat32.class);
  }

  private static <T extends TFloating> Operand<T> scaled(
      Ops tf, Operand<T> g, Operand<TFloat32> scale) {
    return tf.math.mul(g, cast(tf, scale, g.type()));
  }

  private static <T extends TFloating> Operand<T> clipByValue(Ops tf, Operand<T> g, double v) {
    return tf.clipByValue(g, scalar(tf, -v, g.type()), scalar(tf, v, g.type()));
  }

  private static Operand<TInt32> allAxes(Ops tf, Operand<?> x) {
    Shape s = x.shape();
    if (s.isUnknown()) {
      return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
    }
    int[] axes = new int[s.numDimensions()];
    for (int i = 0; i < axes.length; i++) axes[i] = i;
    return tf.constant(axes);
  }

  private List<Op> applyWeightDecay(Ops tf, List<Weight> vars, Operand<TFloat32> lr) {
    Double wd = config.weightDecay();
    List<Op> ops = new ArrayList<>();
    if (wd == null) return ops;
    for (Weight w : vars) {
      if (decays(w)) {
        ops.add(decay(tf, w, floating(w), wd, lr));
      }
    }
    return ops;
  }

  private static <T extends TFloating> Op decay(
      Ops tf, Weight w, Class<T> dtype, double wd, Operand<TFloat32> lr) {
    // Keras parity: the torch backend multiplies the weight by 1 - wd * lr (the others subtract
    // w * wd * lr, which rounds differently).
    Operand<T> factor =
        tf.math.sub(
            scalar(tf, 1.0, dtype), tf.math.mul(scalar(tf, wd, dtype), cast(tf, lr, dtype)));
    Operand<T> value = w.read(tf);
    return assign(tf, w, tf.math.mul(value, factor));
  }

  private static List<Op> applyConstraints(Ops tf, List<Weight> vars) {
    List<Op> ops = new ArrayList<>();
    for (Weight w : vars) {
      Constraint c = w.constraint();
      if (c != null) {
        ops.add(constrain(tf, w, c, floating(w)));
      }
    }
    return ops;
  }

  private static <T extends TFloating> Op constrain(
      Ops tf, Weight w, Constraint c, Class<T> dtype) {
    Operand<T> value = cast(tf, w.read(tf), dtype);
    return assign(tf, w, c.call(tf, value));
  }

  /** Ops whose ops run after {@code ops}; an eager session runs ops in order already. */
  private static Ops after(Ops tf, List<Operation> ops) {
    return tf.scope().env().isEager() ? tf : tf.withControlDependencyOps(List.copyOf(ops));
  }

  /** The floating-point dtype of a weight (checked when the optimizer is built). */
  @SuppressWarnings("unchecked")
  protected static <T extends TFloating> Class<T> floating(Weight w) {
    return (Class<T>) w.dtype();
  }

  // ------------------------------------------------------------------ checks

  /** Keras' checks of the shared keys, in Keras' words. */
  private void checkSharedKeys() {
    int clips =
        (config.clipnorm() != null ? 1 : 0)
            + (config.clipvalue() != null ? 1 : 0)
            + (config.globalClipnorm() != null ? 1 : 0);
    if (clips > 1) {
      throw new IllegalArgumentException(
          "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received:"
              + " clipnorm="
              + py(config.clipnorm())
              + ", clipvalue="
              + py(config.clipvalue())
              + ", global_clipnorm="
              + py(config.globalClipnorm()));
    }
    Integer steps = config.gradientAccumulationSteps();
    if (steps != null && steps < 2) {
      throw new IllegalArgumentException(
          "`gradient_accumulation_steps` must be an integer >= 2. Received:"
              + " gradient_accumulation_steps="
              + steps);
    }
    if (config.useEma()) {
      if (config.emaMomentum() > 1 || config.emaMomentum() < 0) {
        throw new IllegalArgumentException(
            "`ema_momentum` must be in the range [0, 1]. Received: ema_momentum="
                + config.emaMomentum());
      }
      Integer f = config.emaOverwriteFrequency();
      if (f != null && f < 1) {
        throw new IllegalArgumentException(
            "`ema_overwrite_frequency` must be an integer >= 1 or None. Received:"
                + " ema_overwrite_frequency="
                + f);
      }
    }
  }

  /** Refuses the settings that change Keras' training and that Keras4J does not implement. */
  private void checkSupported() {
    String refusal = null;
    if (config.useEma()) {
      refusal = "use_ema=True (an exponential moving average of the weights)";
    } else if (config.lossScaleFactor() != null) {
      refusal = "loss_scale_factor=" + config.lossScaleFactor();
    } else if (config.gradientAccumulationSteps() != null) {
      refusal = "gradient_accumulation_steps=" + config.gradientAccumulationSteps();
    }
    if (refusal != null) {
      throw new UnsupportedOperationException(
          kind()
              + " cannot train with "
              + refusal
              + ": Keras4J does not implement it. Remove the setting to train without it.");
    }
  }

  private IllegalArgumentException unknown(Weight w) {
    return new IllegalArgumentException(
        "Unknown variable: "
            + w
            + ". This optimizer can only be called for the variables it was originally built"
            + " with. When working with a new set of variables, you should recreate a new"
            + " optimizer instance.");
  }

  private String kind() {
    return getClass().getSimpleName() + " '" + name() + "'";
  }

  private static String py(@Nullable Object value) {
    return value == null ? "None" : value.toString();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + config + "]";
  }
}

package io.keras4j.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TBool;

/**
 * What a layer's {@code call} knows besides its input tensors: whether it runs in training, the
 * masks of its inputs (one per input tensor, {@code null} where an input has none), and the
 * non-tensor keyword arguments of the call (Keras' {@code **kwargs}, such as {@code
 * return_attention_scores}).
 *
 * <p>Tensor keyword arguments (Keras' {@code initial_state=}, {@code key=}) arrive among the
 * layer's inputs, after the positional ones; {@link #tensorArguments()} names where each starts.
 *
 * <p>A training step also collects what layers produce besides their outputs: state updates to run
 * with the step (BatchNormalization's moving statistics, Keras' {@code variable.assign} in {@code
 * call}) through {@link #addUpdate}, and extra loss terms (Keras' {@code add_loss}) through {@link
 * #addLoss}. Outside a training step both are ignored.
 */
public final class CallContext {

  private static final CallContext INFERENCE =
      new CallContext(false, List.of(), Map.of(), Map.of(), null);

  /** The updates and losses that layers add during one traced call. */
  public static final class Effects {
    private final List<Op> updates = new ArrayList<>();
    private final List<Operand<?>> losses = new ArrayList<>();

    /** The state updates added, in order. */
    public synchronized List<Op> updates() {
      return List.copyOf(updates);
    }

    /** The scalar losses added, in order. */
    public synchronized List<Operand<?>> losses() {
      return List.copyOf(losses);
    }

    synchronized void addUpdate(Op op) {
      updates.add(op);
    }

    synchronized void addLoss(Operand<?> loss) {
      losses.add(loss);
    }
  }

  private final boolean training;
  private final List<@Nullable Operand<TBool>> masks;
  private final Map<String, Object> arguments;
  private final Map<String, Integer> tensorArguments;
  private final @Nullable Effects effects;

  private CallContext(
      boolean training,
      List<@Nullable Operand<TBool>> masks,
      Map<String, Object> arguments,
      Map<String, Integer> tensorArguments,
      @Nullable Effects effects) {
    this.training = training;
    this.masks = Collections.unmodifiableList(new ArrayList<>(masks));
    this.arguments = Map.copyOf(arguments);
    this.tensorArguments = Map.copyOf(tensorArguments);
    this.effects = effects;
  }

  /** A training step's context, collecting updates and losses into {@code effects}. */
  public static CallContext training(Effects effects) {
    return new CallContext(true, List.of(), Map.of(), Map.of(), effects);
  }

  /**
   * Runs {@code update} with the step, as Keras' {@code variable.assign(...)} inside {@code call}.
   * Ignored outside a training step.
   */
  public void addUpdate(Op update) {
    if (effects != null) effects.addUpdate(update);
  }

  /** Adds a scalar term to the training loss, as Keras' {@code add_loss}. */
  public void addLoss(Operand<?> loss) {
    if (effects != null) effects.addLoss(loss);
  }

  /** Whether updates and losses are collected (a training step is being traced). */
  public boolean collectsEffects() {
    return effects != null;
  }

  /** Inference: no masks, no keyword arguments. */
  public static CallContext inference() {
    return INFERENCE;
  }

  /** Training or inference, no masks, no keyword arguments. */
  public static CallContext of(boolean training) {
    return training ? new CallContext(true, List.of(), Map.of(), Map.of(), null) : INFERENCE;
  }

  public boolean training() {
    return training;
  }

  /** The mask of input {@code i}, or {@code null} if it has none. */
  public @Nullable Operand<TBool> mask(int i) {
    return i < masks.size() ? masks.get(i) : null;
  }

  /** The masks of all inputs, aligned with them; entries are {@code null} where there is none. */
  public List<@Nullable Operand<TBool>> masks() {
    return masks;
  }

  /** Whether any input carries a mask. */
  public boolean hasMask() {
    return masks.stream().anyMatch(m -> m != null);
  }

  /** A non-tensor keyword argument, or {@code defaultValue} when it was not given. */
  @SuppressWarnings("unchecked")
  public <V> V argument(String name, V defaultValue) {
    Object v = arguments.get(name);
    return v == null ? defaultValue : (V) v;
  }

  public Map<String, Object> arguments() {
    return arguments;
  }

  /**
   * For each tensor keyword argument, the index in the layer's inputs of its first tensor (a list
   * argument such as {@code initial_state} spans several).
   */
  public Map<String, Integer> tensorArguments() {
    return tensorArguments;
  }

  public CallContext withTraining(boolean training) {
    return new CallContext(training, masks, arguments, tensorArguments, effects);
  }

  public CallContext withMasks(List<@Nullable Operand<TBool>> masks) {
    return new CallContext(training, masks, arguments, tensorArguments, effects);
  }

  public CallContext withArguments(Map<String, Object> arguments, Map<String, Integer> tensors) {
    return new CallContext(training, masks, arguments, tensors, effects);
  }
}

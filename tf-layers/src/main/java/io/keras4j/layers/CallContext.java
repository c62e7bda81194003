package io.keras4j.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;

/**
 * What a layer's {@code call} knows besides its input tensors: whether it runs in training, the
 * masks of its inputs (one per input tensor, {@code null} where an input has none), and the
 * non-tensor keyword arguments of the call (Keras' {@code **kwargs}, such as {@code
 * return_attention_scores}).
 *
 * <p>Tensor keyword arguments (Keras' {@code initial_state=}, {@code key=}) arrive among the
 * layer's inputs, after the positional ones; {@link #tensorArguments()} names where each starts.
 */
public final class CallContext {

  private static final CallContext INFERENCE = new CallContext(false, List.of(), Map.of(), Map.of());

  private final boolean training;
  private final List<@Nullable Operand<TBool>> masks;
  private final Map<String, Object> arguments;
  private final Map<String, Integer> tensorArguments;

  private CallContext(
      boolean training,
      List<@Nullable Operand<TBool>> masks,
      Map<String, Object> arguments,
      Map<String, Integer> tensorArguments) {
    this.training = training;
    this.masks = Collections.unmodifiableList(new ArrayList<>(masks));
    this.arguments = Map.copyOf(arguments);
    this.tensorArguments = Map.copyOf(tensorArguments);
  }

  /** Inference: no masks, no keyword arguments. */
  public static CallContext inference() {
    return INFERENCE;
  }

  /** Training or inference, no masks, no keyword arguments. */
  public static CallContext of(boolean training) {
    return training ? new CallContext(true, List.of(), Map.of(), Map.of()) : INFERENCE;
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
    return new CallContext(training, masks, arguments, tensorArguments);
  }

  public CallContext withMasks(List<@Nullable Operand<TBool>> masks) {
    return new CallContext(training, masks, arguments, tensorArguments);
  }

  public CallContext withArguments(Map<String, Object> arguments, Map<String, Integer> tensors) {
    return new CallContext(training, masks, arguments, tensors);
  }
}

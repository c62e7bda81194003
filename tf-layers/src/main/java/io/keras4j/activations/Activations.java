package io.keras4j.activations;

import io.keras4j.serialization.KerasRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Looks up Keras' built-in activations by name, as {@code keras.activations.get}: every name Keras
 * 3 exports, and the aliases {@code swish} (for {@code silu}) and {@code hard_swish} (for {@code
 * hard_silu}). An alias serializes under the function's own name, as in Keras, whose {@code
 * serialize} writes {@code "silu"} for {@code swish}.
 *
 * <pre>{@code
 * Activation relu = Activations.get("relu");
 * Activation keras2HardSigmoid = Activations.get("hard_sigmoid", true);
 * }</pre>
 */
public final class Activations {

  private static final Map<String, BuiltinActivation> BY_NAME = byName();

  private Activations() {}

  private static Map<String, BuiltinActivation> byName() {
    Map<String, BuiltinActivation> m = new LinkedHashMap<>();
    for (BuiltinActivation a : BuiltinActivation.keras3()) {
      m.put(a.kerasName(), a);
    }
    // Keras parity: the aliases of keras.activations' ALL_OBJECTS_DICT.
    m.put("swish", BuiltinActivation.SILU);
    m.put("hard_swish", BuiltinActivation.HARD_SILU);
    return Collections.unmodifiableMap(m);
  }

  /** The built-in activation of that name, with Keras 3's definition. */
  public static Activation get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown activation '"
                        + name
                        + "'; known: "
                        + new TreeSet<>(BY_NAME.keySet())));
  }

  /**
   * The built-in activation of that name as the given Keras major version defined it: a file
   * written by Keras 2 means {@code clip(0.2 x + 0.5, 0, 1)} by {@code hard_sigmoid}, Keras 3 means
   * {@code relu6(x + 3) / 6}. Every other name means the same in both.
   */
  public static Activation get(String name, boolean keras2) {
    if (keras2 && name.equals("hard_sigmoid")) {
      return BuiltinActivation.HARD_SIGMOID_KERAS2;
    }
    return get(name);
  }

  /** The built-in activation of that name (Keras 3's definition), if there is one. */
  public static Optional<Activation> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Every name {@link #get(String)} knows, aliases included. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(BY_NAME.keySet()));
  }

  /** Registers activations that are objects rather than names (none are built in yet). */
  public static void register(KerasRegistry.Builder b) {}

  /** The Keras name of a built-in activation. */
  public static Optional<String> nameOf(Activation activation) {
    return activation instanceof BuiltinActivation b
        ? Optional.of(b.kerasName())
        : Optional.empty();
  }
}

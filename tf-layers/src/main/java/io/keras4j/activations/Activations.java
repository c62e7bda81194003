package io.keras4j.activations;

import io.keras4j.serialization.KerasRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Looks up Keras' built-in activations by name, as {@code keras.activations.get}.
 *
 * <pre>{@code
 * Activation relu = Activations.get("relu");
 * }</pre>
 */
public final class Activations {

  private static final Map<String, BuiltinActivation> BY_NAME =
      Arrays.stream(BuiltinActivation.values())
          .collect(Collectors.toMap(BuiltinActivation::kerasName, Function.identity()));

  private Activations() {}

  /** The built-in activation of that name, with Keras 3's definition. */
  public static Activation get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown activation '" + name + "'; known: " + BY_NAME.keySet()));
  }

  /**
   * The built-in activation of that name as the given Keras major version defined it ({@code
   * hard_sigmoid} changed between Keras 2 and 3).
   */
  public static Activation get(String name, boolean keras2) {
    return get(name);
  }

  /** The built-in activation of that name, if there is one. */
  public static Optional<Activation> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Registers activations that are objects rather than names (none are built in yet). */
  public static void register(KerasRegistry.Builder b) {}

  /** The Keras name of a built-in activation. */
  public static Optional<String> nameOf(Activation activation) {
    return activation instanceof BuiltinActivation b ? Optional.of(b.kerasName()) : Optional.empty();
  }
}

package io.keras4j.layers;

import io.keras4j.regularizers.Regularizer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The arguments every Keras layer takes besides its own: {@code name}, {@code trainable}, {@code
 * dtype} and {@code activity_regularizer}.
 *
 * <pre>{@code
 * new Dense(DenseConfig.builder(4).build(), LayerArgs.named("logits"));
 * }</pre>
 *
 * @param name the layer's name; {@code null} lets the layer pick a unique one from its class name
 */
public record LayerArgs(
    @Nullable String name,
    boolean trainable,
    DTypePolicy dtype,
    @Nullable Regularizer activityRegularizer) {

  private static final LayerArgs DEFAULTS = new LayerArgs(null, true, DTypePolicy.FLOAT32, null);

  public LayerArgs {
    Objects.requireNonNull(dtype, "dtype");
  }

  /** A float32, trainable layer with an automatic name. */
  public static LayerArgs defaults() {
    return DEFAULTS;
  }

  /** A float32, trainable layer with the given name. */
  public static LayerArgs named(String name) {
    return DEFAULTS.withName(name);
  }

  public LayerArgs withName(@Nullable String name) {
    return new LayerArgs(name, trainable, dtype, activityRegularizer);
  }

  public LayerArgs withTrainable(boolean trainable) {
    return new LayerArgs(name, trainable, dtype, activityRegularizer);
  }

  public LayerArgs withDtype(DTypePolicy dtype) {
    return new LayerArgs(name, trainable, dtype, activityRegularizer);
  }

  public LayerArgs withActivityRegularizer(@Nullable Regularizer activityRegularizer) {
    return new LayerArgs(name, trainable, dtype, activityRegularizer);
  }
}

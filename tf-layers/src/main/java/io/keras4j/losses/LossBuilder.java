package io.keras4j.losses;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The keys every Keras loss config has, {@code name} and {@code reduction}, for the builders of the
 * built-in losses: each starts from its loss's Keras defaults, so that Java callers and configs
 * that omit a key get the same values.
 *
 * @param <B> the concrete builder
 */
public abstract class LossBuilder<B extends LossBuilder<B>> {

  String name;
  @Nullable String reduction = Reduction.SUM_OVER_BATCH_SIZE;

  LossBuilder(String defaultName) {
    this.name = defaultName;
  }

  /** Keras' {@code name}; the loss's name scope. */
  @JsonProperty("name")
  public B name(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return self();
  }

  /** One of Keras' reductions (see {@link Reduction}), {@code null} for none. */
  @JsonProperty("reduction")
  public B reduction(@Nullable String reduction) {
    this.reduction = reduction;
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}

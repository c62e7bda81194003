package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Adam with decoupled weight decay: Keras' {@code keras.optimizers.AdamW}. Each step first
 * multiplies every weight by {@code 1 - weight_decay * lr} (see {@link BaseOptimizer}), then
 * applies {@link Adam}'s rule. Same variables as Adam.
 *
 * <pre>{@code
 * Optimizer adamw = new AdamW(AdamWConfig.builder().weightDecay(0.05).build());
 * }</pre>
 */
public final class AdamW extends AdamBase<AdamWConfig> {

  /** Keras' defaults: {@code learning_rate=0.001, weight_decay=0.004}, Adam's betas. */
  public AdamW() {
    this(AdamWConfig.builder().build());
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public AdamW(AdamWConfig config) {
    super(config);
  }
}

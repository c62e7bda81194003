package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Adaptive moment estimation: Keras' {@code keras.optimizers.Adam}. At step {@code t} (from 1),
 * with a momentum {@code m} and a velocity {@code v} per weight:
 *
 * <pre>
 * alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)
 * m = beta_1 * m + (1 - beta_1) * g
 * v = beta_2 * v + (1 - beta_2) * g^2
 * v_hat = max(v_hat, v)                                (amsgrad: v_hat replaces v below)
 * w = w - alpha * m / (sqrt(v) + epsilon)
 * </pre>
 *
 * <p>Epsilon is added to {@code sqrt(v)} after the bias correction has moved into {@code alpha}, as
 * in Keras 3 (TensorFlow's {@code ApplyAdam} places it differently).
 *
 * <p>Variables: {@code iteration}, {@code learning_rate}, then {@code momentum} and {@code
 * velocity} interleaved per weight, then one {@code velocity_hat} per weight when {@code amsgrad}.
 *
 * <pre>{@code
 * Optimizer adam = new Adam(AdamConfig.builder().learningRate(0.02).amsgrad(true).build());
 * }</pre>
 */
public final class Adam extends AdamBase<AdamConfig> {

  /** Keras' defaults: {@code learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7}. */
  public Adam() {
    this(AdamConfig.builder().build());
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Adam(AdamConfig config) {
    super(config);
  }
}

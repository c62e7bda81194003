package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The moment settings of Keras' Adam family ({@code Adam}, {@code AdamW}, {@code Adamax}, {@code
 * Nadam}), with their shared defaults ({@code beta_1=0.9, beta_2=0.999, epsilon=1e-7}, learning
 * rate 0.001), after the keys every optimizer takes.
 *
 * @param <B> the concrete builder, which every setter returns
 */
public abstract class AdamFamilyBuilder<B extends AdamFamilyBuilder<B>>
    extends OptimizerConfig.Builder<B> {

  double beta1 = 0.9;
  double beta2 = 0.999;
  double epsilon = 1e-7;

  AdamFamilyBuilder() {
    super(0.001);
  }

  @JsonProperty("beta_1")
  public B beta1(double beta1) {
    this.beta1 = beta1;
    return self();
  }

  @JsonProperty("beta_2")
  public B beta2(double beta2) {
    this.beta2 = beta2;
    return self();
  }

  @JsonProperty("epsilon")
  public B epsilon(double epsilon) {
    this.epsilon = epsilon;
    return self();
  }
}

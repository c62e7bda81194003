package io.keras4j.optimizers.schedules;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * What Keras' {@code ExponentialDecay} and {@code InverseTimeDecay} share: the arguments {@code
 * initial_learning_rate}, {@code decay_steps} and {@code decay_rate} (required), {@code staircase}
 * and {@code name}, and the decay's progress at a step.
 *
 * @param <B> the concrete builder, which every setter returns
 */
public abstract class DecayBuilder<B extends DecayBuilder<B>> {

  @Nullable Double initialLearningRate;
  @Nullable Double decaySteps;
  @Nullable Double decayRate;
  boolean staircase = false;
  String name;

  DecayBuilder(String name) {
    this.name = name;
  }

  @JsonProperty("initial_learning_rate")
  public B initialLearningRate(double initialLearningRate) {
    this.initialLearningRate = initialLearningRate;
    return self();
  }

  @JsonProperty("decay_steps")
  public B decaySteps(double decaySteps) {
    this.decaySteps = decaySteps;
    return self();
  }

  @JsonProperty("decay_rate")
  public B decayRate(double decayRate) {
    this.decayRate = decayRate;
    return self();
  }

  @JsonProperty("staircase")
  public B staircase(boolean staircase) {
    this.staircase = staircase;
    return self();
  }

  @JsonProperty("name")
  public B name(String name) {
    this.name = name;
    return self();
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /**
   * How far the decay has gone at {@code step}, in float32: {@code step / decay_steps}, floored
   * with {@code staircase}.
   */
  static Operand<TFloat32> progress(
      Ops tf, Operand<? extends TNumber> step, double decaySteps, boolean staircase) {
    Operand<TFloat32> p =
        tf.math.div(tf.dtypes.cast(step, TFloat32.class), tf.constant((float) decaySteps));
    return staircase ? tf.math.floor(p) : p;
  }
}

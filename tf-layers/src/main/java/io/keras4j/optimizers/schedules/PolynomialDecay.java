package io.keras4j.optimizers.schedules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * {@code (initial - end) * (1 - s / decay_steps)^power + end} with {@code s = min(step,
 * decay_steps)}; with {@code cycle}, {@code decay_steps} grows to the first multiple of itself that
 * is at least {@code step}: Keras' {@code keras.optimizers.schedules.PolynomialDecay}, computed in
 * float32.
 *
 * <pre>{@code
 * LearningRateSchedule lr =
 *     PolynomialDecay.builder().initialLearningRate(0.1).decaySteps(100).power(0.5).build();
 * }</pre>
 */
@JsonDeserialize(builder = PolynomialDecay.Builder.class)
public record PolynomialDecay(
    @JsonProperty("initial_learning_rate") double initialLearningRate,
    @JsonProperty("decay_steps") double decaySteps,
    @JsonProperty("end_learning_rate") double endLearningRate,
    @JsonProperty("power") double power,
    @JsonProperty("cycle") boolean cycle,
    @JsonProperty("name") String name)
    implements LearningRateSchedule {

  public PolynomialDecay {
    Required.positiveDecaySteps(decaySteps);
    Objects.requireNonNull(name, "name");
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<? extends TNumber> step) {
    Operand<TFloat32> s = tf.dtypes.cast(step, TFloat32.class);
    Operand<TFloat32> steps = tf.constant((float) decaySteps);
    if (cycle) {
      Operand<TFloat32> multiplier =
          tf.select(
              tf.math.equal(s, tf.constant(0.0f)),
              tf.constant(1.0f),
              tf.math.ceil(tf.math.div(s, steps)));
      steps = tf.math.mul(steps, multiplier);
    } else {
      s = tf.math.minimum(s, steps);
    }
    Operand<TFloat32> p = tf.math.div(s, steps);
    Operand<TFloat32> end = tf.constant((float) endLearningRate);
    return tf.math.add(
        tf.math.mul(
            tf.math.sub(tf.constant((float) initialLearningRate), end),
            tf.math.pow(tf.math.sub(tf.constant(1.0f), p), tf.constant((float) power))),
        end);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Double initialLearningRate;
    private @Nullable Double decaySteps;
    private double endLearningRate = 0.0001;
    private double power = 1.0;
    private boolean cycle = false;
    private String name = "PolynomialDecay";

    private Builder() {}

    @JsonProperty("initial_learning_rate")
    public Builder initialLearningRate(double initialLearningRate) {
      this.initialLearningRate = initialLearningRate;
      return this;
    }

    @JsonProperty("decay_steps")
    public Builder decaySteps(double decaySteps) {
      this.decaySteps = decaySteps;
      return this;
    }

    @JsonProperty("end_learning_rate")
    public Builder endLearningRate(double endLearningRate) {
      this.endLearningRate = endLearningRate;
      return this;
    }

    @JsonProperty("power")
    public Builder power(double power) {
      this.power = power;
      return this;
    }

    @JsonProperty("cycle")
    public Builder cycle(boolean cycle) {
      this.cycle = cycle;
      return this;
    }

    @JsonProperty("name")
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public PolynomialDecay build() {
      String s = "PolynomialDecay";
      return new PolynomialDecay(
          Required.arg(initialLearningRate, s, "initial_learning_rate"),
          Required.arg(decaySteps, s, "decay_steps"),
          endLearningRate,
          power,
          cycle,
          name);
    }
  }
}

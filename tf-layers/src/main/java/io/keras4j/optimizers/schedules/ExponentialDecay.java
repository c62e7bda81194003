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
 * {@code initial_learning_rate * decay_rate ^ (step / decay_steps)}, with {@code step /
 * decay_steps} floored when {@code staircase}: Keras' {@code
 * keras.optimizers.schedules.ExponentialDecay}, computed in float32.
 *
 * <pre>{@code
 * LearningRateSchedule lr = ExponentialDecay.of(0.05, 3, 0.7);
 * Operand<TFloat32> atStep = lr.call(tf, tf.constant(6)); // 0.05 * 0.7^2
 * }</pre>
 */
@JsonDeserialize(builder = ExponentialDecay.Builder.class)
public record ExponentialDecay(
    @JsonProperty("initial_learning_rate") double initialLearningRate,
    @JsonProperty("decay_steps") double decaySteps,
    @JsonProperty("decay_rate") double decayRate,
    @JsonProperty("staircase") boolean staircase,
    @JsonProperty("name") String name)
    implements LearningRateSchedule {

  public ExponentialDecay {
    Required.positiveDecaySteps(decaySteps);
    Objects.requireNonNull(name, "name");
  }

  /** A continuous decay with Keras' default name. */
  public static ExponentialDecay of(
      double initialLearningRate, double decaySteps, double decayRate) {
    return builder()
        .initialLearningRate(initialLearningRate)
        .decaySteps(decaySteps)
        .decayRate(decayRate)
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<? extends TNumber> step) {
    Operand<TFloat32> p =
        tf.math.div(tf.dtypes.cast(step, TFloat32.class), tf.constant((float) decaySteps));
    if (staircase) {
      p = tf.math.floor(p);
    }
    return tf.math.mul(
        tf.constant((float) initialLearningRate), tf.math.pow(tf.constant((float) decayRate), p));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Double initialLearningRate;
    private @Nullable Double decaySteps;
    private @Nullable Double decayRate;
    private boolean staircase = false;
    private String name = "ExponentialDecay";

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

    @JsonProperty("decay_rate")
    public Builder decayRate(double decayRate) {
      this.decayRate = decayRate;
      return this;
    }

    @JsonProperty("staircase")
    public Builder staircase(boolean staircase) {
      this.staircase = staircase;
      return this;
    }

    @JsonProperty("name")
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public ExponentialDecay build() {
      String s = "ExponentialDecay";
      return new ExponentialDecay(
          Required.arg(initialLearningRate, s, "initial_learning_rate"),
          Required.arg(decaySteps, s, "decay_steps"),
          Required.arg(decayRate, s, "decay_rate"),
          staircase,
          name);
    }
  }
}

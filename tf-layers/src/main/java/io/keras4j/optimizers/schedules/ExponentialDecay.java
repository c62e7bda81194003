package io.keras4j.optimizers.schedules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
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
    Operand<TFloat32> p = DecayBuilder.progress(tf, step, decaySteps, staircase);
    return tf.math.mul(
        tf.constant((float) initialLearningRate), tf.math.pow(tf.constant((float) decayRate), p));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends DecayBuilder<Builder> {
    private Builder() {
      super("ExponentialDecay");
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

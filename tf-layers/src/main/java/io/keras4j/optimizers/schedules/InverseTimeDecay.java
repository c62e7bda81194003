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
 * {@code initial_learning_rate / (1 + decay_rate * step / decay_steps)}, with {@code step /
 * decay_steps} floored when {@code staircase}: Keras' {@code
 * keras.optimizers.schedules.InverseTimeDecay}, computed in float32.
 *
 * <pre>{@code
 * LearningRateSchedule lr = InverseTimeDecay.of(0.1, 1.0, 0.5);
 * }</pre>
 */
@JsonDeserialize(builder = InverseTimeDecay.Builder.class)
public record InverseTimeDecay(
    @JsonProperty("initial_learning_rate") double initialLearningRate,
    @JsonProperty("decay_steps") double decaySteps,
    @JsonProperty("decay_rate") double decayRate,
    @JsonProperty("staircase") boolean staircase,
    @JsonProperty("name") String name)
    implements LearningRateSchedule {

  public InverseTimeDecay {
    Required.positiveDecaySteps(decaySteps);
    Objects.requireNonNull(name, "name");
  }

  /** A continuous decay with Keras' default name. */
  public static InverseTimeDecay of(
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
    Operand<TFloat32> denominator =
        tf.math.add(tf.constant(1.0f), tf.math.mul(tf.constant((float) decayRate), p));
    return tf.math.div(tf.constant((float) initialLearningRate), denominator);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends DecayBuilder<Builder> {
    private Builder() {
      super("InverseTimeDecay");
    }

    public InverseTimeDecay build() {
      String s = "InverseTimeDecay";
      return new InverseTimeDecay(
          Required.arg(initialLearningRate, s, "initial_learning_rate"),
          Required.arg(decaySteps, s, "decay_steps"),
          Required.arg(decayRate, s, "decay_rate"),
          staircase,
          name);
    }
  }
}

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
 * Cosine decay with an optional linear warmup: Keras' {@code
 * keras.optimizers.schedules.CosineDecay}, computed in float32. Without {@code warmup_target}, with
 * {@code s = min(step, decay_steps)}:
 *
 * <pre>
 * lr = initial_learning_rate * ((1 - alpha) * 0.5 * (1 + cos(pi * s / decay_steps)) + alpha)
 * </pre>
 *
 * <p>With {@code warmup_target}, the rate rises linearly from {@code initial_learning_rate} to
 * {@code warmup_target} over {@code warmup_steps}, then decays from {@code warmup_target} as above
 * over the next {@code decay_steps} steps.
 *
 * <pre>{@code
 * LearningRateSchedule lr =
 *     CosineDecay.builder().initialLearningRate(0.1).decaySteps(10).alpha(0.1).build();
 * }</pre>
 *
 * @param warmupTarget the rate at the end of the warmup; {@code null} skips the warmup
 */
@JsonDeserialize(builder = CosineDecay.Builder.class)
public record CosineDecay(
    @JsonProperty("initial_learning_rate") double initialLearningRate,
    @JsonProperty("decay_steps") double decaySteps,
    @JsonProperty("alpha") double alpha,
    @JsonProperty("name") String name,
    @JsonProperty("warmup_target") @Nullable Double warmupTarget,
    @JsonProperty("warmup_steps") double warmupSteps)
    implements LearningRateSchedule {

  public CosineDecay {
    Required.positiveDecaySteps(decaySteps);
    Objects.requireNonNull(name, "name");
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<? extends TNumber> step) {
    Operand<TFloat32> initial = tf.constant((float) initialLearningRate);
    Operand<TFloat32> steps = tf.constant((float) decaySteps);
    Operand<TFloat32> s = tf.dtypes.cast(step, TFloat32.class);
    if (warmupTarget == null) {
      return decayed(tf, tf.math.minimum(s, steps), steps, initial);
    }
    Operand<TFloat32> target = tf.constant(warmupTarget.floatValue());
    Operand<TFloat32> warmup = tf.constant((float) warmupSteps);
    s = tf.math.minimum(s, tf.math.add(steps, warmup));
    // Keras parity: both branches of Keras' cond, then the one that applies.
    Operand<TFloat32> warming =
        tf.math.add(tf.math.mul(tf.math.sub(target, initial), tf.math.div(s, warmup)), initial);
    Operand<TFloat32> decaying = decayed(tf, tf.math.sub(s, warmup), steps, target);
    return tf.select(tf.math.less(s, warmup), warming, decaying);
  }

  private Operand<TFloat32> decayed(
      Ops tf, Operand<TFloat32> s, Operand<TFloat32> steps, Operand<TFloat32> from) {
    Operand<TFloat32> fraction = tf.math.div(s, steps);
    Operand<TFloat32> pi = tf.constant((float) Math.PI);
    Operand<TFloat32> cos = tf.math.cos(tf.math.mul(pi, fraction));
    Operand<TFloat32> cosine = tf.math.mul(tf.constant(0.5f), tf.math.add(tf.constant(1.0f), cos));
    Operand<TFloat32> decayed =
        tf.math.add(
            tf.math.mul(tf.constant((float) (1 - alpha)), cosine), tf.constant((float) alpha));
    return tf.math.mul(from, decayed);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Double initialLearningRate;
    private @Nullable Double decaySteps;
    private double alpha = 0.0;
    private String name = "CosineDecay";
    private @Nullable Double warmupTarget;
    private double warmupSteps = 0;

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

    @JsonProperty("alpha")
    public Builder alpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    @JsonProperty("name")
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    @JsonProperty("warmup_target")
    public Builder warmupTarget(@Nullable Double warmupTarget) {
      this.warmupTarget = warmupTarget;
      return this;
    }

    @JsonProperty("warmup_steps")
    public Builder warmupSteps(double warmupSteps) {
      this.warmupSteps = warmupSteps;
      return this;
    }

    public CosineDecay build() {
      String s = "CosineDecay";
      return new CosineDecay(
          Required.arg(initialLearningRate, s, "initial_learning_rate"),
          Required.arg(decaySteps, s, "decay_steps"),
          alpha,
          name,
          warmupTarget,
          warmupSteps);
    }
  }
}

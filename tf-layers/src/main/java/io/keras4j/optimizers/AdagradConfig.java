package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Adagrad}: Keras' {@code Adagrad(learning_rate=0.001,
 * initial_accumulator_value=0.1, epsilon=1e-7, ...)}, after the keys every optimizer shares ({@link
 * OptimizerConfig}).
 */
@JsonDeserialize(builder = AdagradConfig.Builder.class)
public record AdagradConfig(
    @JsonProperty("name") String name,
    @JsonProperty("learning_rate") LearningRate learningRate,
    @JsonProperty("weight_decay") @Nullable Double weightDecay,
    @JsonProperty("clipnorm") @Nullable Double clipnorm,
    @JsonProperty("global_clipnorm") @Nullable Double globalClipnorm,
    @JsonProperty("clipvalue") @Nullable Double clipvalue,
    @JsonProperty("use_ema") boolean useEma,
    @JsonProperty("ema_momentum") double emaMomentum,
    @JsonProperty("ema_overwrite_frequency") @Nullable Integer emaOverwriteFrequency,
    @JsonProperty("loss_scale_factor") @Nullable Double lossScaleFactor,
    @JsonProperty("gradient_accumulation_steps") @Nullable Integer gradientAccumulationSteps,
    @JsonProperty("initial_accumulator_value") double initialAccumulatorValue,
    @JsonProperty("epsilon") double epsilon)
    implements OptimizerConfig {

  public AdagradConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(learningRate, "learning_rate");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends OptimizerConfig.Builder<Builder> {
    private double initialAccumulatorValue = 0.1;
    private double epsilon = 1e-7;

    private Builder() {
      super(0.001);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @JsonProperty("initial_accumulator_value")
    public Builder initialAccumulatorValue(double initialAccumulatorValue) {
      this.initialAccumulatorValue = initialAccumulatorValue;
      return this;
    }

    @JsonProperty("epsilon")
    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    public AdagradConfig build() {
      return new AdagradConfig(
          nameOrAuto("Adagrad"),
          learningRate,
          weightDecay,
          clipnorm,
          globalClipnorm,
          clipvalue,
          useEma,
          emaMomentum,
          emaOverwriteFrequency,
          lossScaleFactor,
          gradientAccumulationSteps,
          initialAccumulatorValue,
          epsilon);
    }
  }
}

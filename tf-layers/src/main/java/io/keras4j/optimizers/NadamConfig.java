package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Nadam}: Keras' {@code Nadam(learning_rate=0.001, beta_1=0.9, beta_2=0.999,
 * epsilon=1e-7, ...)}, after the keys every optimizer shares ({@link OptimizerConfig}).
 */
@JsonDeserialize(builder = NadamConfig.Builder.class)
public record NadamConfig(
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
    @JsonProperty("beta_1") double beta1,
    @JsonProperty("beta_2") double beta2,
    @JsonProperty("epsilon") double epsilon)
    implements OptimizerConfig {

  public NadamConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(learningRate, "learning_rate");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends AdamFamilyBuilder<Builder> {

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    public NadamConfig build() {
      return new NadamConfig(
          nameOrAuto("Nadam"),
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
          beta1,
          beta2,
          epsilon);
    }
  }
}

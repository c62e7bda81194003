package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link SGD}: Keras' {@code SGD(learning_rate=0.01, momentum=0.0, nesterov=False, ...)},
 * after the keys every optimizer shares ({@link OptimizerConfig}).
 */
@JsonDeserialize(builder = SGDConfig.Builder.class)
public record SGDConfig(
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
    @JsonProperty("momentum") double momentum,
    @JsonProperty("nesterov") boolean nesterov)
    implements OptimizerConfig {

  public SGDConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(learningRate, "learning_rate");
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException(
          "`momentum` must be a float between [0, 1]. Received: momentum=" + momentum);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends OptimizerConfig.Builder<Builder> {
    private double momentum = 0.0;
    private boolean nesterov = false;

    private Builder() {
      super(0.01);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @JsonProperty("momentum")
    public Builder momentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    @JsonProperty("nesterov")
    public Builder nesterov(boolean nesterov) {
      this.nesterov = nesterov;
      return this;
    }

    public SGDConfig build() {
      return new SGDConfig(
          nameOrAuto("SGD"),
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
          momentum,
          nesterov);
    }
  }
}

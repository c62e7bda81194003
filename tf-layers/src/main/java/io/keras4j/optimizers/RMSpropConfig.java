package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link RMSprop}: Keras' {@code RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0,
 * epsilon=1e-7, centered=False, ...)}, after the keys every optimizer shares ({@link
 * OptimizerConfig}).
 */
@JsonDeserialize(builder = RMSpropConfig.Builder.class)
public record RMSpropConfig(
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
    @JsonProperty("rho") double rho,
    @JsonProperty("momentum") double momentum,
    @JsonProperty("epsilon") double epsilon,
    @JsonProperty("centered") boolean centered)
    implements OptimizerConfig {

  public RMSpropConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(learningRate, "learning_rate");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends OptimizerConfig.Builder<Builder> {
    private double rho = 0.9;
    private double momentum = 0.0;
    private double epsilon = 1e-7;
    private boolean centered = false;

    private Builder() {
      super(0.001);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @JsonProperty("rho")
    public Builder rho(double rho) {
      this.rho = rho;
      return this;
    }

    @JsonProperty("momentum")
    public Builder momentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    @JsonProperty("epsilon")
    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    @JsonProperty("centered")
    public Builder centered(boolean centered) {
      this.centered = centered;
      return this;
    }

    public RMSpropConfig build() {
      return new RMSpropConfig(
          nameOrAuto("RMSprop"),
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
          rho,
          momentum,
          epsilon,
          centered);
    }
  }
}

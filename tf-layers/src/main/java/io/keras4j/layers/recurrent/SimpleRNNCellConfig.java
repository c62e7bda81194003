package io.keras4j.layers.recurrent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.activations.Activation;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.regularizers.Regularizer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link SimpleRNNCell}: Keras' {@code SimpleRNNCell(units, activation="tanh",
 * use_bias=True, kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
 * bias_initializer="zeros", ..., dropout=0.0, recurrent_dropout=0.0, seed=None)}.
 */
@JsonDeserialize(builder = SimpleRNNCellConfig.Builder.class)
public record SimpleRNNCellConfig(
    @JsonProperty("units") int units,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("use_bias") boolean useBias,
    @JsonProperty("kernel_initializer") Initializer kernelInitializer,
    @JsonProperty("recurrent_initializer") Initializer recurrentInitializer,
    @JsonProperty("bias_initializer") Initializer biasInitializer,
    @JsonProperty("kernel_regularizer") @Nullable Regularizer kernelRegularizer,
    @JsonProperty("recurrent_regularizer") @Nullable Regularizer recurrentRegularizer,
    @JsonProperty("bias_regularizer") @Nullable Regularizer biasRegularizer,
    @JsonProperty("kernel_constraint") @Nullable Constraint kernelConstraint,
    @JsonProperty("recurrent_constraint") @Nullable Constraint recurrentConstraint,
    @JsonProperty("bias_constraint") @Nullable Constraint biasConstraint,
    @JsonProperty("dropout") double dropout,
    @JsonProperty("recurrent_dropout") double recurrentDropout,
    @JsonProperty("seed") @Nullable Long seed) {

  public SimpleRNNCellConfig {
    RecurrentLayer.requirePositiveUnits(units);
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(kernelInitializer, "kernel_initializer");
    Objects.requireNonNull(recurrentInitializer, "recurrent_initializer");
    Objects.requireNonNull(biasInitializer, "bias_initializer");
    dropout = RecurrentLayer.clipRate(dropout);
    recurrentDropout = RecurrentLayer.clipRate(recurrentDropout);
  }

  public static Builder builder(int units) {
    return new Builder().units(units);
  }

  public Builder toBuilder() {
    return new Builder()
        .units(units)
        .activation(activation)
        .useBias(useBias)
        .kernelInitializer(kernelInitializer)
        .recurrentInitializer(recurrentInitializer)
        .biasInitializer(biasInitializer)
        .kernelRegularizer(kernelRegularizer)
        .recurrentRegularizer(recurrentRegularizer)
        .biasRegularizer(biasRegularizer)
        .kernelConstraint(kernelConstraint)
        .recurrentConstraint(recurrentConstraint)
        .biasConstraint(biasConstraint)
        .dropout(dropout)
        .recurrentDropout(recurrentDropout)
        .seed(seed);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends CellBuilder<Builder> {
    private int units;

    @JsonProperty("units")
    public Builder units(int units) {
      this.units = units;
      return this;
    }

    public SimpleRNNCellConfig build() {
      return new SimpleRNNCellConfig(
          units,
          activation,
          useBias,
          kernelInitializer,
          recurrentInitializer,
          biasInitializer,
          kernelRegularizer,
          recurrentRegularizer,
          biasRegularizer,
          kernelConstraint,
          recurrentConstraint,
          biasConstraint,
          dropout,
          recurrentDropout,
          seed);
    }
  }
}

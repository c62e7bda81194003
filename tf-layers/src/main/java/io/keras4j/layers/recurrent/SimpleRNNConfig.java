package io.keras4j.layers.recurrent;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * Config of {@link SimpleRNN}: Keras' {@code SimpleRNN(units, activation="tanh", use_bias=True,
 * ..., dropout=0.0, recurrent_dropout=0.0, return_sequences=False, return_state=False,
 * go_backwards=False, stateful=False, unroll=False, seed=None)}: the settings of {@code RNN} and,
 * flattened beside them, those of its {@link SimpleRNNCell}.
 *
 * <p>Keras writes no {@code seed} for a SimpleRNN; it is written here only when set. Keras 2's
 * {@code time_major} is read and must be {@code false}.
 */
@JsonDeserialize(builder = SimpleRNNConfig.Builder.class)
public record SimpleRNNConfig(
    @JsonProperty("return_sequences") boolean returnSequences,
    @JsonProperty("return_state") boolean returnState,
    @JsonProperty("go_backwards") boolean goBackwards,
    @JsonProperty("stateful") boolean stateful,
    @JsonProperty("unroll") boolean unroll,
    @JsonProperty("zero_output_for_mask") boolean zeroOutputForMask,
    @JsonProperty("units") int units,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("use_bias") boolean useBias,
    @JsonProperty("kernel_initializer") Initializer kernelInitializer,
    @JsonProperty("recurrent_initializer") Initializer recurrentInitializer,
    @JsonProperty("bias_initializer") Initializer biasInitializer,
    @JsonProperty("kernel_regularizer") @Nullable Regularizer kernelRegularizer,
    @JsonProperty("recurrent_regularizer") @Nullable Regularizer recurrentRegularizer,
    @JsonProperty("bias_regularizer") @Nullable Regularizer biasRegularizer,
    @JsonProperty("activity_regularizer") @Nullable Regularizer activityRegularizer,
    @JsonProperty("kernel_constraint") @Nullable Constraint kernelConstraint,
    @JsonProperty("recurrent_constraint") @Nullable Constraint recurrentConstraint,
    @JsonProperty("bias_constraint") @Nullable Constraint biasConstraint,
    @JsonProperty("dropout") double dropout,
    @JsonProperty("recurrent_dropout") double recurrentDropout,
    @JsonProperty("seed") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long seed)
    implements RecurrentConfig {

  public SimpleRNNConfig {
    RecurrentLayer.requireNotStateful("SimpleRNN", stateful);
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(kernelInitializer, "kernel_initializer");
    Objects.requireNonNull(recurrentInitializer, "recurrent_initializer");
    Objects.requireNonNull(biasInitializer, "bias_initializer");
    RecurrentLayer.requirePositiveUnits(units);
    dropout = RecurrentLayer.clipRate(dropout);
    recurrentDropout = RecurrentLayer.clipRate(recurrentDropout);
  }

  /** The settings of the layer's cell. */
  public SimpleRNNCellConfig cellConfig() {
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

  public static Builder builder(int units) {
    return new Builder().units(units);
  }

  public Builder toBuilder() {
    return new Builder()
        .returnSequences(returnSequences)
        .returnState(returnState)
        .goBackwards(goBackwards)
        .stateful(stateful)
        .unroll(unroll)
        .zeroOutputForMask(zeroOutputForMask)
        .units(units)
        .activation(activation)
        .useBias(useBias)
        .kernelInitializer(kernelInitializer)
        .recurrentInitializer(recurrentInitializer)
        .biasInitializer(biasInitializer)
        .kernelRegularizer(kernelRegularizer)
        .recurrentRegularizer(recurrentRegularizer)
        .biasRegularizer(biasRegularizer)
        .activityRegularizer(activityRegularizer)
        .kernelConstraint(kernelConstraint)
        .recurrentConstraint(recurrentConstraint)
        .biasConstraint(biasConstraint)
        .dropout(dropout)
        .recurrentDropout(recurrentDropout)
        .seed(seed);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends RecurrentLayerBuilder<Builder> {
    private int units;

    @JsonProperty("units")
    public Builder units(int units) {
      this.units = units;
      return this;
    }

    public SimpleRNNConfig build() {
      RecurrentLayer.requireBatchMajor("SimpleRNN", timeMajor);
      return new SimpleRNNConfig(
          returnSequences,
          returnState,
          goBackwards,
          stateful,
          unroll,
          zeroOutputForMask,
          units,
          activation,
          useBias,
          kernelInitializer,
          recurrentInitializer,
          biasInitializer,
          kernelRegularizer,
          recurrentRegularizer,
          biasRegularizer,
          activityRegularizer,
          kernelConstraint,
          recurrentConstraint,
          biasConstraint,
          dropout,
          recurrentDropout,
          seed);
    }
  }
}

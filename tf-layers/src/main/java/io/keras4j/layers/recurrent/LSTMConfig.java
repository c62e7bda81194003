package io.keras4j.layers.recurrent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.activations.Activation;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.regularizers.Regularizer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link LSTM}: Keras' {@code LSTM(units, activation="tanh",
 * recurrent_activation="sigmoid", use_bias=True, ..., unit_forget_bias=True, ..., dropout=0.0,
 * recurrent_dropout=0.0, seed=None, return_sequences=False, return_state=False, go_backwards=False,
 * stateful=False, unroll=False)}: the settings of {@code RNN} and, flattened beside them, those of
 * its {@link LSTMCell}.
 *
 * <p>Keras 2's {@code time_major} is read and must be {@code false}; its {@code implementation} and
 * Keras' {@code use_cudnn} are read and ignored.
 */
@JsonDeserialize(builder = LSTMConfig.Builder.class)
public record LSTMConfig(
    @JsonProperty("return_sequences") boolean returnSequences,
    @JsonProperty("return_state") boolean returnState,
    @JsonProperty("go_backwards") boolean goBackwards,
    @JsonProperty("stateful") boolean stateful,
    @JsonProperty("unroll") boolean unroll,
    @JsonProperty("zero_output_for_mask") boolean zeroOutputForMask,
    @JsonProperty("units") int units,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("recurrent_activation") Activation recurrentActivation,
    @JsonProperty("use_bias") boolean useBias,
    @JsonProperty("kernel_initializer") Initializer kernelInitializer,
    @JsonProperty("recurrent_initializer") Initializer recurrentInitializer,
    @JsonProperty("bias_initializer") Initializer biasInitializer,
    @JsonProperty("unit_forget_bias") boolean unitForgetBias,
    @JsonProperty("kernel_regularizer") @Nullable Regularizer kernelRegularizer,
    @JsonProperty("recurrent_regularizer") @Nullable Regularizer recurrentRegularizer,
    @JsonProperty("bias_regularizer") @Nullable Regularizer biasRegularizer,
    @JsonProperty("activity_regularizer") @Nullable Regularizer activityRegularizer,
    @JsonProperty("kernel_constraint") @Nullable Constraint kernelConstraint,
    @JsonProperty("recurrent_constraint") @Nullable Constraint recurrentConstraint,
    @JsonProperty("bias_constraint") @Nullable Constraint biasConstraint,
    @JsonProperty("dropout") double dropout,
    @JsonProperty("recurrent_dropout") double recurrentDropout,
    @JsonProperty("seed") @Nullable Long seed)
    implements RecurrentConfig {

  public LSTMConfig {
    RecurrentLayer.requireNotStateful("LSTM", stateful);
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(recurrentActivation, "recurrent_activation");
    Objects.requireNonNull(kernelInitializer, "kernel_initializer");
    Objects.requireNonNull(recurrentInitializer, "recurrent_initializer");
    Objects.requireNonNull(biasInitializer, "bias_initializer");
    RecurrentLayer.requirePositiveUnits(units);
    dropout = RecurrentLayer.clipRate(dropout);
    recurrentDropout = RecurrentLayer.clipRate(recurrentDropout);
  }

  /** The settings of the layer's cell. */
  public LSTMCellConfig cellConfig() {
    return new LSTMCellConfig(
        units,
        activation,
        recurrentActivation,
        useBias,
        kernelInitializer,
        recurrentInitializer,
        biasInitializer,
        unitForgetBias,
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
        .recurrentActivation(recurrentActivation)
        .useBias(useBias)
        .kernelInitializer(kernelInitializer)
        .recurrentInitializer(recurrentInitializer)
        .biasInitializer(biasInitializer)
        .unitForgetBias(unitForgetBias)
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
    private Activation recurrentActivation = BuiltinActivation.SIGMOID;
    private boolean unitForgetBias = true;

    @JsonProperty("units")
    public Builder units(int units) {
      this.units = units;
      return this;
    }

    /** {@code null} (as Keras' {@code recurrent_activation=None}) means linear. */
    @JsonProperty("recurrent_activation")
    public Builder recurrentActivation(@Nullable Activation recurrentActivation) {
      this.recurrentActivation =
          recurrentActivation == null ? BuiltinActivation.LINEAR : recurrentActivation;
      return this;
    }

    @JsonProperty("unit_forget_bias")
    public Builder unitForgetBias(boolean unitForgetBias) {
      this.unitForgetBias = unitForgetBias;
      return this;
    }

    /** Keras 2's choice of kernel; it does not change the function, so it is not kept. */
    @JsonProperty("implementation")
    public Builder implementation(int implementation) {
      return this;
    }

    /**
     * Keras' choice of the cuDNN kernel, which it does not save; it does not change the function.
     */
    @JsonProperty("use_cudnn")
    public Builder useCudnn(@Nullable Object useCudnn) {
      return this;
    }

    public LSTMConfig build() {
      RecurrentLayer.requireBatchMajor("LSTM", timeMajor);
      return new LSTMConfig(
          returnSequences,
          returnState,
          goBackwards,
          stateful,
          unroll,
          zeroOutputForMask,
          units,
          activation,
          recurrentActivation,
          useBias,
          kernelInitializer,
          recurrentInitializer,
          biasInitializer,
          unitForgetBias,
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

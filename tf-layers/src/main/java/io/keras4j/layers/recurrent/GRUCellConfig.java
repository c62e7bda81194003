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
 * Config of {@link GRUCell}: Keras' {@code GRUCell(units, activation="tanh",
 * recurrent_activation="sigmoid", use_bias=True, kernel_initializer="glorot_uniform",
 * recurrent_initializer="orthogonal", bias_initializer="zeros", ..., dropout=0.0,
 * recurrent_dropout=0.0, reset_after=True, seed=None)}.
 *
 * <p>A file written by Keras 2 that has no {@code reset_after} key was written before the option
 * existed, when the reset gate was always applied before the recurrent matrix: it reads as {@code
 * reset_after=False}. Keras 2's {@code implementation} is read and ignored.
 */
@JsonDeserialize(using = GRUCellConfig.Reader.class, builder = GRUCellConfig.Builder.class)
public record GRUCellConfig(
    @JsonProperty("units") int units,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("recurrent_activation") Activation recurrentActivation,
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
    @JsonProperty("reset_after") boolean resetAfter,
    @JsonProperty("seed") @Nullable Long seed) {

  public GRUCellConfig {
    RecurrentLayer.requirePositiveUnits(units);
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(kernelInitializer, "kernel_initializer");
    Objects.requireNonNull(recurrentInitializer, "recurrent_initializer");
    Objects.requireNonNull(biasInitializer, "bias_initializer");
    dropout = RecurrentLayer.clipRate(dropout);
    recurrentDropout = RecurrentLayer.clipRate(recurrentDropout);
    Objects.requireNonNull(recurrentActivation, "recurrent_activation");
  }

  public static Builder builder(int units) {
    return new Builder().units(units);
  }

  public Builder toBuilder() {
    return new Builder()
        .units(units)
        .activation(activation)
        .recurrentActivation(recurrentActivation)
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
        .resetAfter(resetAfter)
        .seed(seed);
  }

  /** Reads the config through its builder, with Keras 2's default for {@code reset_after}. */
  static final class Reader extends GruKeras2<Builder, GRUCellConfig> {
    Reader() {
      super(Builder.class, Builder::build);
    }
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends CellBuilder<Builder> {
    private int units;
    private Activation recurrentActivation = BuiltinActivation.SIGMOID;
    private boolean resetAfter = true;

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

    @JsonProperty("reset_after")
    public Builder resetAfter(boolean resetAfter) {
      this.resetAfter = resetAfter;
      return this;
    }

    /** Keras 2's choice of kernel; it does not change the function, so it is not kept. */
    @JsonProperty("implementation")
    public Builder implementation(int implementation) {
      return this;
    }

    public GRUCellConfig build() {
      return new GRUCellConfig(
          units,
          activation,
          recurrentActivation,
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
          resetAfter,
          seed);
    }
  }
}

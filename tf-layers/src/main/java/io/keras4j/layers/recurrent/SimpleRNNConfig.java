package io.keras4j.layers.recurrent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.activations.Activation;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Orthogonal;
import io.keras4j.initializers.Zeros;
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
  public static final class Builder {
    private boolean returnSequences;
    private boolean returnState;
    private boolean goBackwards;
    private boolean stateful;
    private boolean unroll;
    private boolean zeroOutputForMask;
    private boolean timeMajor;
    private int units;
    private Activation activation = BuiltinActivation.TANH;
    private boolean useBias = true;
    private Initializer kernelInitializer = new GlorotUniform();
    private Initializer recurrentInitializer = new Orthogonal();
    private Initializer biasInitializer = new Zeros();
    private @Nullable Regularizer kernelRegularizer;
    private @Nullable Regularizer recurrentRegularizer;
    private @Nullable Regularizer biasRegularizer;
    private @Nullable Regularizer activityRegularizer;
    private @Nullable Constraint kernelConstraint;
    private @Nullable Constraint recurrentConstraint;
    private @Nullable Constraint biasConstraint;
    private double dropout;
    private double recurrentDropout;
    private @Nullable Long seed;

    @JsonProperty("return_sequences")
    public Builder returnSequences(boolean returnSequences) {
      this.returnSequences = returnSequences;
      return this;
    }

    @JsonProperty("return_state")
    public Builder returnState(boolean returnState) {
      this.returnState = returnState;
      return this;
    }

    @JsonProperty("go_backwards")
    public Builder goBackwards(boolean goBackwards) {
      this.goBackwards = goBackwards;
      return this;
    }

    @JsonProperty("stateful")
    public Builder stateful(boolean stateful) {
      this.stateful = stateful;
      return this;
    }

    @JsonProperty("unroll")
    public Builder unroll(boolean unroll) {
      this.unroll = unroll;
      return this;
    }

    @JsonProperty("zero_output_for_mask")
    public Builder zeroOutputForMask(boolean zeroOutputForMask) {
      this.zeroOutputForMask = zeroOutputForMask;
      return this;
    }

    /** Keras 2's layout switch; only {@code false}, the batch-major layout, is supported. */
    @JsonProperty("time_major")
    public Builder timeMajor(boolean timeMajor) {
      this.timeMajor = timeMajor;
      return this;
    }

    @JsonProperty("units")
    public Builder units(int units) {
      this.units = units;
      return this;
    }

    /** {@code null} (as Keras' {@code activation=None}) means linear. */
    @JsonProperty("activation")
    public Builder activation(@Nullable Activation activation) {
      this.activation = activation == null ? BuiltinActivation.LINEAR : activation;
      return this;
    }

    @JsonProperty("use_bias")
    public Builder useBias(boolean useBias) {
      this.useBias = useBias;
      return this;
    }

    @JsonProperty("kernel_initializer")
    public Builder kernelInitializer(Initializer kernelInitializer) {
      this.kernelInitializer = kernelInitializer;
      return this;
    }

    @JsonProperty("recurrent_initializer")
    public Builder recurrentInitializer(Initializer recurrentInitializer) {
      this.recurrentInitializer = recurrentInitializer;
      return this;
    }

    @JsonProperty("bias_initializer")
    public Builder biasInitializer(Initializer biasInitializer) {
      this.biasInitializer = biasInitializer;
      return this;
    }

    @JsonProperty("kernel_regularizer")
    public Builder kernelRegularizer(@Nullable Regularizer kernelRegularizer) {
      this.kernelRegularizer = kernelRegularizer;
      return this;
    }

    @JsonProperty("recurrent_regularizer")
    public Builder recurrentRegularizer(@Nullable Regularizer recurrentRegularizer) {
      this.recurrentRegularizer = recurrentRegularizer;
      return this;
    }

    @JsonProperty("bias_regularizer")
    public Builder biasRegularizer(@Nullable Regularizer biasRegularizer) {
      this.biasRegularizer = biasRegularizer;
      return this;
    }

    /**
     * Keras' {@code activity_regularizer} of the layer (not of its cell). It is also the layer's
     * {@link io.keras4j.layers.LayerArgs#activityRegularizer()}, which a file's reader fills.
     */
    @JsonProperty("activity_regularizer")
    public Builder activityRegularizer(@Nullable Regularizer activityRegularizer) {
      this.activityRegularizer = activityRegularizer;
      return this;
    }

    @JsonProperty("kernel_constraint")
    public Builder kernelConstraint(@Nullable Constraint kernelConstraint) {
      this.kernelConstraint = kernelConstraint;
      return this;
    }

    @JsonProperty("recurrent_constraint")
    public Builder recurrentConstraint(@Nullable Constraint recurrentConstraint) {
      this.recurrentConstraint = recurrentConstraint;
      return this;
    }

    @JsonProperty("bias_constraint")
    public Builder biasConstraint(@Nullable Constraint biasConstraint) {
      this.biasConstraint = biasConstraint;
      return this;
    }

    @JsonProperty("dropout")
    public Builder dropout(double dropout) {
      this.dropout = dropout;
      return this;
    }

    @JsonProperty("recurrent_dropout")
    public Builder recurrentDropout(double recurrentDropout) {
      this.recurrentDropout = recurrentDropout;
      return this;
    }

    @JsonProperty("seed")
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
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

package io.keras4j.layers.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.activations.Activation;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Dense}: Keras' {@code Dense(units, activation=None, use_bias=True,
 * kernel_initializer="glorot_uniform", bias_initializer="zeros", ...)}.
 */
@JsonDeserialize(builder = DenseConfig.Builder.class)
public record DenseConfig(
    @JsonProperty("units") int units,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("use_bias") boolean useBias,
    @JsonProperty("kernel_initializer") Initializer kernelInitializer,
    @JsonProperty("bias_initializer") Initializer biasInitializer,
    @JsonProperty("kernel_regularizer") @Nullable Regularizer kernelRegularizer,
    @JsonProperty("bias_regularizer") @Nullable Regularizer biasRegularizer,
    @JsonProperty("kernel_constraint") @Nullable Constraint kernelConstraint,
    @JsonProperty("bias_constraint") @Nullable Constraint biasConstraint,
    @JsonProperty("quantization_config") @Nullable JsonNode quantizationConfig) {

  public DenseConfig {
    if (units <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for `units`, expected a positive integer. Received: units="
              + units);
    }
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(kernelInitializer, "kernel_initializer");
    Objects.requireNonNull(biasInitializer, "bias_initializer");
    if (quantizationConfig != null && !quantizationConfig.isNull()) {
      throw new UnsupportedOperationException(
          "Dense with a quantization_config is not supported; received " + quantizationConfig);
    }
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
        .biasInitializer(biasInitializer)
        .kernelRegularizer(kernelRegularizer)
        .biasRegularizer(biasRegularizer)
        .kernelConstraint(kernelConstraint)
        .biasConstraint(biasConstraint);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private int units;
    private Activation activation = BuiltinActivation.LINEAR;
    private boolean useBias = true;
    private Initializer kernelInitializer = new GlorotUniform();
    private Initializer biasInitializer = new Zeros();
    private @Nullable Regularizer kernelRegularizer;
    private @Nullable Regularizer biasRegularizer;
    private @Nullable Constraint kernelConstraint;
    private @Nullable Constraint biasConstraint;
    private @Nullable JsonNode quantizationConfig;

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

    @JsonProperty("bias_regularizer")
    public Builder biasRegularizer(@Nullable Regularizer biasRegularizer) {
      this.biasRegularizer = biasRegularizer;
      return this;
    }

    @JsonProperty("kernel_constraint")
    public Builder kernelConstraint(@Nullable Constraint kernelConstraint) {
      this.kernelConstraint = kernelConstraint;
      return this;
    }

    @JsonProperty("bias_constraint")
    public Builder biasConstraint(@Nullable Constraint biasConstraint) {
      this.biasConstraint = biasConstraint;
      return this;
    }

    @JsonProperty("quantization_config")
    public Builder quantizationConfig(@Nullable JsonNode quantizationConfig) {
      this.quantizationConfig =
          quantizationConfig == null || quantizationConfig.isNull() ? null : quantizationConfig;
      return this;
    }

    /** Keras' LoRA rank: only {@code null} (no LoRA) is supported. */
    @JsonProperty("lora_rank")
    public Builder loraRank(@Nullable Integer loraRank) {
      if (loraRank != null) {
        throw new UnsupportedOperationException(
            "Dense with lora_rank=" + loraRank + " is not supported; LoRA layers cannot be loaded");
      }
      return this;
    }

    public DenseConfig build() {
      return new DenseConfig(
          units,
          activation,
          useBias,
          kernelInitializer,
          biasInitializer,
          kernelRegularizer,
          biasRegularizer,
          kernelConstraint,
          biasConstraint,
          quantizationConfig);
    }
  }
}

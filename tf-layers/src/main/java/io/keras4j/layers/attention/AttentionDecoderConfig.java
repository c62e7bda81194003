package io.keras4j.layers.attention;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Orthogonal;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link AttentionDecoder}: the seed article's {@code AttentionDecoder(units, output_dim,
 * return_probabilities=False, kernel_initializer="glorot_uniform",
 * recurrent_initializer="orthogonal", bias_initializer="zeros", ...)}.
 */
@JsonDeserialize(builder = AttentionDecoderConfig.Builder.class)
public record AttentionDecoderConfig(
    @JsonProperty("units") int units,
    @JsonProperty("output_dim") int outputDim,
    @JsonProperty("return_probabilities") boolean returnProbabilities,
    @JsonProperty("kernel_initializer") Initializer kernelInitializer,
    @JsonProperty("recurrent_initializer") Initializer recurrentInitializer,
    @JsonProperty("bias_initializer") Initializer biasInitializer,
    @JsonProperty("kernel_regularizer") @Nullable Regularizer kernelRegularizer,
    @JsonProperty("bias_regularizer") @Nullable Regularizer biasRegularizer,
    @JsonProperty("kernel_constraint") @Nullable Constraint kernelConstraint,
    @JsonProperty("bias_constraint") @Nullable Constraint biasConstraint) {

  public AttentionDecoderConfig {
    if (units <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for `units`, expected a positive integer. Received: units="
              + units);
    }
    if (outputDim <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for `output_dim`, expected a positive integer. Received:"
              + " output_dim="
              + outputDim);
    }
    Objects.requireNonNull(kernelInitializer, "kernel_initializer");
    Objects.requireNonNull(recurrentInitializer, "recurrent_initializer");
    Objects.requireNonNull(biasInitializer, "bias_initializer");
  }

  public static Builder builder(int units, int outputDim) {
    return new Builder().units(units).outputDim(outputDim);
  }

  public Builder toBuilder() {
    return new Builder()
        .units(units)
        .outputDim(outputDim)
        .returnProbabilities(returnProbabilities)
        .kernelInitializer(kernelInitializer)
        .recurrentInitializer(recurrentInitializer)
        .biasInitializer(biasInitializer)
        .kernelRegularizer(kernelRegularizer)
        .biasRegularizer(biasRegularizer)
        .kernelConstraint(kernelConstraint)
        .biasConstraint(biasConstraint);
  }

  /** The seed article's defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private int units;
    private int outputDim;
    private boolean returnProbabilities = false;
    private Initializer kernelInitializer = new GlorotUniform();
    private Initializer recurrentInitializer = new Orthogonal();
    private Initializer biasInitializer = new Zeros();
    private @Nullable Regularizer kernelRegularizer;
    private @Nullable Regularizer biasRegularizer;
    private @Nullable Constraint kernelConstraint;
    private @Nullable Constraint biasConstraint;

    @JsonProperty("units")
    public Builder units(int units) {
      this.units = units;
      return this;
    }

    @JsonProperty("output_dim")
    public Builder outputDim(int outputDim) {
      this.outputDim = outputDim;
      return this;
    }

    @JsonProperty("return_probabilities")
    public Builder returnProbabilities(boolean returnProbabilities) {
      this.returnProbabilities = returnProbabilities;
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

    public AttentionDecoderConfig build() {
      return new AttentionDecoderConfig(
          units,
          outputDim,
          returnProbabilities,
          kernelInitializer,
          recurrentInitializer,
          biasInitializer,
          kernelRegularizer,
          biasRegularizer,
          kernelConstraint,
          biasConstraint);
    }
  }
}

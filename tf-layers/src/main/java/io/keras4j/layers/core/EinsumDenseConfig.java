package io.keras4j.layers.core;

import com.fasterxml.jackson.annotation.JsonFormat;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link EinsumDense}: Keras' {@code EinsumDense(equation, output_shape, activation=None,
 * bias_axes=None, kernel_initializer="glorot_uniform", bias_initializer="zeros", ...)}.
 *
 * <p>LoRA ({@code lora_rank}) and quantization ({@code quantization_config}, {@code
 * gptq_unpacked_column_size}) change what the layer computes and are refused.
 *
 * @param outputShape the output's shape without the batch dimension and the dimensions an ellipsis
 *     stands for; {@code null} entries are unknown or taken from the input
 * @param equation an einsum equation {@code ab,bc->ac}, {@code ...ab,bc->...ac} or {@code
 *     ab...,bc->ac...}: the input's labels, the kernel's labels, the output's labels
 * @param biasAxes the output labels that get a bias, or {@code null} for no bias
 * @param activityRegularizer the penalty on the output, which Keras writes among EinsumDense's own
 *     keys (null included); the layer's {@link io.keras4j.layers.LayerArgs} hold the same value
 * @param quantizationConfig always {@code null}; kept so that the key Keras writes is written back
 */
@JsonDeserialize(builder = EinsumDenseConfig.Builder.class)
public record EinsumDenseConfig(
    @JsonProperty("output_shape") List<@Nullable Long> outputShape,
    @JsonProperty("equation") String equation,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("bias_axes") @Nullable String biasAxes,
    @JsonProperty("kernel_initializer") Initializer kernelInitializer,
    @JsonProperty("bias_initializer") Initializer biasInitializer,
    @JsonProperty("kernel_regularizer") @Nullable Regularizer kernelRegularizer,
    @JsonProperty("bias_regularizer") @Nullable Regularizer biasRegularizer,
    @JsonProperty("activity_regularizer") @Nullable Regularizer activityRegularizer,
    @JsonProperty("kernel_constraint") @Nullable Constraint kernelConstraint,
    @JsonProperty("bias_constraint") @Nullable Constraint biasConstraint,
    @JsonProperty("quantization_config") @Nullable JsonNode quantizationConfig) {

  /** The three forms Keras accepts, with {@code ...} written as {@code 0}. */
  static final Pattern PLAIN = Pattern.compile("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)");

  static final Pattern LEFT_ELIDED = Pattern.compile("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)");
  static final Pattern RIGHT_ELIDED = Pattern.compile("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0");

  public EinsumDenseConfig {
    Objects.requireNonNull(equation, "equation");
    String dotted = equation.replace("...", "0");
    if (!PLAIN.matcher(dotted).matches()
        && !LEFT_ELIDED.matcher(dotted).matches()
        && !RIGHT_ELIDED.matcher(dotted).matches()) {
      throw new IllegalArgumentException(
          "Invalid einsum equation '"
              + equation
              + "'. Equations must be in the form [X],[Y]->[Z], ...[X],[Y]->...[Z], or"
              + " [X]...,[Y]->[Z]....");
    }
    Objects.requireNonNull(outputShape, "output_shape");
    outputShape = Collections.unmodifiableList(new ArrayList<>(outputShape));
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(kernelInitializer, "kernel_initializer");
    Objects.requireNonNull(biasInitializer, "bias_initializer");
    if (quantizationConfig != null && !quantizationConfig.isNull()) {
      throw new UnsupportedOperationException(
          "EinsumDense with a quantization_config is not supported; received "
              + quantizationConfig);
    }
  }

  /**
   * An einsum over {@code equation} whose output, batch dimension aside, is {@code outputShape}.
   */
  public static Builder builder(String equation, List<@Nullable Long> outputShape) {
    return new Builder().equation(equation).outputShape(outputShape);
  }

  /** An einsum whose output has one non-batch dimension (besides those of an ellipsis). */
  public static Builder builder(String equation, long outputDim) {
    return builder(equation, List.of(outputDim));
  }

  public Builder toBuilder() {
    return new Builder()
        .outputShape(outputShape)
        .equation(equation)
        .activation(activation)
        .biasAxes(biasAxes)
        .kernelInitializer(kernelInitializer)
        .biasInitializer(biasInitializer)
        .kernelRegularizer(kernelRegularizer)
        .biasRegularizer(biasRegularizer)
        .activityRegularizer(activityRegularizer)
        .kernelConstraint(kernelConstraint)
        .biasConstraint(biasConstraint);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable List<@Nullable Long> outputShape;
    private @Nullable String equation;
    private Activation activation = BuiltinActivation.LINEAR;
    private @Nullable String biasAxes;
    private Initializer kernelInitializer = new GlorotUniform();
    private Initializer biasInitializer = new Zeros();
    private @Nullable Regularizer kernelRegularizer;
    private @Nullable Regularizer biasRegularizer;
    private @Nullable Regularizer activityRegularizer;
    private @Nullable Constraint kernelConstraint;
    private @Nullable Constraint biasConstraint;
    private @Nullable Integer loraRank;
    private @Nullable Integer gptqUnpackedColumnSize;
    private @Nullable JsonNode quantizationConfig;

    /** A list, or (as Keras accepts) a single dimension. */
    @JsonProperty("output_shape")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public Builder outputShape(List<@Nullable Long> outputShape) {
      this.outputShape = outputShape;
      return this;
    }

    @JsonProperty("equation")
    public Builder equation(String equation) {
      this.equation = equation;
      return this;
    }

    /** {@code null} (as Keras' {@code activation=None}) means linear. */
    @JsonProperty("activation")
    public Builder activation(@Nullable Activation activation) {
      this.activation = activation == null ? BuiltinActivation.LINEAR : activation;
      return this;
    }

    @JsonProperty("bias_axes")
    public Builder biasAxes(@Nullable String biasAxes) {
      this.biasAxes = biasAxes;
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

    @JsonProperty("bias_constraint")
    public Builder biasConstraint(@Nullable Constraint biasConstraint) {
      this.biasConstraint = biasConstraint;
      return this;
    }

    /** LoRA adapters: refused when set, since they change the layer's weights and output. */
    @JsonProperty("lora_rank")
    public Builder loraRank(@Nullable Integer loraRank) {
      this.loraRank = loraRank;
      return this;
    }

    /** Scales the LoRA delta; without {@code lora_rank} it has no effect and Keras drops it. */
    @JsonProperty("lora_alpha")
    public Builder loraAlpha(@Nullable Integer loraAlpha) {
      return this;
    }

    /** Written by Keras only for a GPTQ-quantized kernel: refused when set. */
    @JsonProperty("gptq_unpacked_column_size")
    public Builder gptqUnpackedColumnSize(@Nullable Integer size) {
      this.gptqUnpackedColumnSize = size;
      return this;
    }

    @JsonProperty("quantization_config")
    public Builder quantizationConfig(@Nullable JsonNode quantizationConfig) {
      // Jackson reads a JSON null as a NullNode; keep the record's value a plain null.
      this.quantizationConfig =
          quantizationConfig == null || quantizationConfig.isNull() ? null : quantizationConfig;
      return this;
    }

    public EinsumDenseConfig build() {
      // Keras parity: Keras acts on lora_rank and gptq_unpacked_column_size only when truthy.
      if (loraRank != null && loraRank != 0) {
        throw new UnsupportedOperationException(
            "EinsumDense with LoRA (lora_rank=" + loraRank + ") is not supported");
      }
      if (gptqUnpackedColumnSize != null && gptqUnpackedColumnSize != 0) {
        throw new UnsupportedOperationException(
            "EinsumDense with a GPTQ-quantized kernel (gptq_unpacked_column_size="
                + gptqUnpackedColumnSize
                + ") is not supported");
      }
      if (outputShape == null) {
        throw new IllegalArgumentException(
            "EinsumDense needs an `output_shape`. Received: output_shape=None");
      }
      return new EinsumDenseConfig(
          outputShape,
          equation,
          activation,
          biasAxes,
          kernelInitializer,
          biasInitializer,
          kernelRegularizer,
          biasRegularizer,
          activityRegularizer,
          kernelConstraint,
          biasConstraint,
          quantizationConfig);
    }
  }
}

package io.keras4j.layers.attention;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link MultiHeadAttention}: Keras' {@code MultiHeadAttention(num_heads, key_dim,
 * value_dim=None, dropout=0.0, use_bias=True, output_shape=None, attention_axes=None,
 * sliding_window=None, kernel_initializer="glorot_uniform", bias_initializer="zeros", ...,
 * use_gate=False, seed=None)}.
 *
 * @param valueDim the size of each value head; {@code value_dim=None} means {@code key_dim}, and
 *     Keras writes the resolved value
 * @param outputShape the output's shape besides the batch and query axes; {@code null} projects
 *     back to the query's last dimension. An integer in a file means a one-element list.
 * @param attentionAxes the axes attention runs over (an integer in a file means a one-element
 *     list); {@code null} means every axis but batch, heads and features. As in Keras, a built
 *     layer reports the axes it resolved.
 * @param activityRegularizer applied by Keras to the outputs of the four projections, not to the
 *     layer's output, and always written, as Keras writes it
 */
@JsonDeserialize(builder = MultiHeadAttentionConfig.Builder.class)
public record MultiHeadAttentionConfig(
    @JsonProperty("num_heads") int numHeads,
    @JsonProperty("key_dim") int keyDim,
    @JsonProperty("value_dim") int valueDim,
    @JsonProperty("dropout") double dropout,
    @JsonProperty("use_bias") boolean useBias,
    @JsonProperty("use_gate") boolean useGate,
    @JsonProperty("output_shape") @Nullable List<Long> outputShape,
    @JsonProperty("attention_axes") @Nullable List<Integer> attentionAxes,
    @JsonProperty("sliding_window") @Nullable Integer slidingWindow,
    @JsonProperty("kernel_initializer") Initializer kernelInitializer,
    @JsonProperty("bias_initializer") Initializer biasInitializer,
    @JsonProperty("kernel_regularizer") @Nullable Regularizer kernelRegularizer,
    @JsonProperty("bias_regularizer") @Nullable Regularizer biasRegularizer,
    @JsonProperty("activity_regularizer") @Nullable Regularizer activityRegularizer,
    @JsonProperty("kernel_constraint") @Nullable Constraint kernelConstraint,
    @JsonProperty("bias_constraint") @Nullable Constraint biasConstraint,
    @JsonProperty("seed") @Nullable Long seed) {

  public MultiHeadAttentionConfig {
    if (numHeads <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for argument `num_heads`, expected a positive integer."
              + " Received: num_heads="
              + numHeads);
    }
    if (keyDim <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for argument `key_dim`, expected a positive integer."
              + " Received: key_dim="
              + keyDim);
    }
    if (valueDim <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for argument `value_dim`, expected a positive integer or"
              + " `None`. Received: value_dim="
              + valueDim);
    }
    BaseDenseAttention.checkDropout(dropout);
    if (slidingWindow != null && slidingWindow <= 0) {
      throw new IllegalArgumentException(
          "`sliding_window` must be `None` or a positive integer. Received: sliding_window="
              + slidingWindow);
    }
    // Keras parity: an empty output_shape means none.
    outputShape = outputShape == null || outputShape.isEmpty() ? null : List.copyOf(outputShape);
    attentionAxes = attentionAxes == null ? null : List.copyOf(attentionAxes);
    Objects.requireNonNull(kernelInitializer, "kernel_initializer");
    Objects.requireNonNull(biasInitializer, "bias_initializer");
  }

  public static Builder builder(int numHeads, int keyDim) {
    return new Builder().numHeads(numHeads).keyDim(keyDim);
  }

  public Builder toBuilder() {
    return new Builder()
        .numHeads(numHeads)
        .keyDim(keyDim)
        .valueDim(valueDim)
        .dropout(dropout)
        .useBias(useBias)
        .useGate(useGate)
        .outputShape(outputShape)
        .attentionAxes(attentionAxes)
        .slidingWindow(slidingWindow)
        .kernelInitializer(kernelInitializer)
        .biasInitializer(biasInitializer)
        .kernelRegularizer(kernelRegularizer)
        .biasRegularizer(biasRegularizer)
        .activityRegularizer(activityRegularizer)
        .kernelConstraint(kernelConstraint)
        .biasConstraint(biasConstraint)
        .seed(seed);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private int numHeads;
    private int keyDim;
    private @Nullable Integer valueDim;
    private double dropout = 0.0;
    private boolean useBias = true;
    private boolean useGate = false;
    private @Nullable List<Long> outputShape;
    private @Nullable List<Integer> attentionAxes;
    private @Nullable Integer slidingWindow;
    private Initializer kernelInitializer = new GlorotUniform();
    private Initializer biasInitializer = new Zeros();
    private @Nullable Regularizer kernelRegularizer;
    private @Nullable Regularizer biasRegularizer;
    private @Nullable Regularizer activityRegularizer;
    private @Nullable Constraint kernelConstraint;
    private @Nullable Constraint biasConstraint;
    private @Nullable Long seed;

    @JsonProperty("num_heads")
    public Builder numHeads(int numHeads) {
      this.numHeads = numHeads;
      return this;
    }

    @JsonProperty("key_dim")
    public Builder keyDim(int keyDim) {
      this.keyDim = keyDim;
      return this;
    }

    /** {@code null} (Keras' {@code None}) means {@code key_dim}. */
    @JsonProperty("value_dim")
    public Builder valueDim(@Nullable Integer valueDim) {
      this.valueDim = valueDim;
      return this;
    }

    @JsonProperty("dropout")
    public Builder dropout(double dropout) {
      this.dropout = dropout;
      return this;
    }

    @JsonProperty("use_bias")
    public Builder useBias(boolean useBias) {
      this.useBias = useBias;
      return this;
    }

    @JsonProperty("use_gate")
    public Builder useGate(boolean useGate) {
      this.useGate = useGate;
      return this;
    }

    @JsonProperty("output_shape")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public Builder outputShape(@Nullable List<Long> outputShape) {
      this.outputShape = outputShape;
      return this;
    }

    @JsonProperty("attention_axes")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public Builder attentionAxes(@Nullable List<Integer> attentionAxes) {
      this.attentionAxes = attentionAxes;
      return this;
    }

    @JsonProperty("sliding_window")
    public Builder slidingWindow(@Nullable Integer slidingWindow) {
      this.slidingWindow = slidingWindow;
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

    @JsonProperty("seed")
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    public MultiHeadAttentionConfig build() {
      return new MultiHeadAttentionConfig(
          numHeads,
          keyDim,
          valueDim == null ? keyDim : valueDim,
          dropout,
          useBias,
          useGate,
          outputShape,
          attentionAxes,
          slidingWindow,
          kernelInitializer,
          biasInitializer,
          kernelRegularizer,
          biasRegularizer,
          activityRegularizer,
          kernelConstraint,
          biasConstraint,
          seed);
    }
  }
}

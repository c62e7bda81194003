package io.keras4j.layers.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.RandomUniform;
import io.keras4j.regularizers.Regularizer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Embedding}: Keras' {@code Embedding(input_dim, output_dim,
 * embeddings_initializer="uniform", embeddings_regularizer=None, embeddings_constraint=None,
 * mask_zero=False, lora_rank=None, lora_alpha=None, quantization_config=None)}.
 *
 * <p>Keras 2's {@code input_length} is accepted and dropped, as Keras 3 does. LoRA ({@code
 * lora_rank}) and quantization ({@code quantization_config}) change what the layer computes and are
 * refused.
 *
 * @param inputDim size of the vocabulary: the largest id plus one
 * @param outputDim size of each embedding vector
 * @param maskZero whether id 0 is padding, masked out for the layers downstream
 * @param activityRegularizer the penalty on the output, which Keras writes among Embedding's own
 *     keys (null included); the layer's {@link io.keras4j.layers.LayerArgs} hold the same value
 * @param quantizationConfig always {@code null}; kept so that the key Keras writes is written back
 */
@JsonDeserialize(builder = EmbeddingConfig.Builder.class)
public record EmbeddingConfig(
    @JsonProperty("input_dim") int inputDim,
    @JsonProperty("output_dim") int outputDim,
    @JsonProperty("embeddings_initializer") Initializer embeddingsInitializer,
    @JsonProperty("embeddings_regularizer") @Nullable Regularizer embeddingsRegularizer,
    @JsonProperty("activity_regularizer") @Nullable Regularizer activityRegularizer,
    @JsonProperty("embeddings_constraint") @Nullable Constraint embeddingsConstraint,
    @JsonProperty("mask_zero") boolean maskZero,
    @JsonProperty("quantization_config") @Nullable JsonNode quantizationConfig) {

  public EmbeddingConfig {
    if (inputDim <= 0) {
      throw new IllegalArgumentException(
          "Embedding: `input_dim` must be a positive integer. Received: input_dim=" + inputDim);
    }
    if (outputDim <= 0) {
      throw new IllegalArgumentException(
          "Embedding: `output_dim` must be a positive integer. Received: output_dim=" + outputDim);
    }
    Objects.requireNonNull(embeddingsInitializer, "embeddings_initializer");
    if (quantizationConfig != null && !quantizationConfig.isNull()) {
      throw new UnsupportedOperationException(
          "Embedding with a quantization_config is not supported; received " + quantizationConfig);
    }
  }

  public static Builder builder(int inputDim, int outputDim) {
    return new Builder().inputDim(inputDim).outputDim(outputDim);
  }

  public Builder toBuilder() {
    return new Builder()
        .inputDim(inputDim)
        .outputDim(outputDim)
        .embeddingsInitializer(embeddingsInitializer)
        .embeddingsRegularizer(embeddingsRegularizer)
        .activityRegularizer(activityRegularizer)
        .embeddingsConstraint(embeddingsConstraint)
        .maskZero(maskZero);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private int inputDim;
    private int outputDim;
    private Initializer embeddingsInitializer = new RandomUniform();
    private @Nullable Regularizer embeddingsRegularizer;
    private @Nullable Regularizer activityRegularizer;
    private @Nullable Constraint embeddingsConstraint;
    private boolean maskZero;
    private @Nullable Integer loraRank;
    private @Nullable JsonNode quantizationConfig;

    @JsonProperty("input_dim")
    public Builder inputDim(int inputDim) {
      this.inputDim = inputDim;
      return this;
    }

    @JsonProperty("output_dim")
    public Builder outputDim(int outputDim) {
      this.outputDim = outputDim;
      return this;
    }

    @JsonProperty("embeddings_initializer")
    public Builder embeddingsInitializer(Initializer embeddingsInitializer) {
      this.embeddingsInitializer = embeddingsInitializer;
      return this;
    }

    @JsonProperty("embeddings_regularizer")
    public Builder embeddingsRegularizer(@Nullable Regularizer embeddingsRegularizer) {
      this.embeddingsRegularizer = embeddingsRegularizer;
      return this;
    }

    @JsonProperty("activity_regularizer")
    public Builder activityRegularizer(@Nullable Regularizer activityRegularizer) {
      this.activityRegularizer = activityRegularizer;
      return this;
    }

    @JsonProperty("embeddings_constraint")
    public Builder embeddingsConstraint(@Nullable Constraint embeddingsConstraint) {
      this.embeddingsConstraint = embeddingsConstraint;
      return this;
    }

    @JsonProperty("mask_zero")
    public Builder maskZero(boolean maskZero) {
      this.maskZero = maskZero;
      return this;
    }

    /** Keras 2's sequence length, which Keras 3 ignores (the input shape carries it). */
    @JsonProperty("input_length")
    public Builder inputLength(@Nullable Long inputLength) {
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

    @JsonProperty("quantization_config")
    public Builder quantizationConfig(@Nullable JsonNode quantizationConfig) {
      // Jackson reads a JSON null as a NullNode; keep the record's value a plain null.
      this.quantizationConfig =
          quantizationConfig == null || quantizationConfig.isNull() ? null : quantizationConfig;
      return this;
    }

    public EmbeddingConfig build() {
      // Keras parity: Keras enables LoRA only for a truthy lora_rank, so 0 means none.
      if (loraRank != null && loraRank != 0) {
        throw new UnsupportedOperationException(
            "Embedding with LoRA (lora_rank=" + loraRank + ") is not supported");
      }
      return new EmbeddingConfig(
          inputDim,
          outputDim,
          embeddingsInitializer,
          embeddingsRegularizer,
          activityRegularizer,
          embeddingsConstraint,
          maskZero,
          quantizationConfig);
    }
  }
}

package io.keras4j.layers.attention;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link AdditiveAttention}: Keras' {@code AdditiveAttention(use_scale=True, dropout=0.0,
 * seed=None)}.
 *
 * @param causal Keras 2's {@code causal} argument, which Keras 3 replaced by the call argument
 *     {@code use_causal_mask}; {@code null} (and not written) unless a file sets it
 */
@JsonDeserialize(builder = AdditiveAttentionConfig.Builder.class)
public record AdditiveAttentionConfig(
    @JsonProperty("use_scale") boolean useScale,
    @JsonProperty("dropout") double dropout,
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("causal") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean causal) {

  public AdditiveAttentionConfig {
    BaseDenseAttention.checkDropout(dropout);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().useScale(useScale).dropout(dropout).seed(seed).causal(causal);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private boolean useScale = true;
    private double dropout = 0.0;
    private @Nullable Long seed;
    private @Nullable Boolean causal;

    @JsonProperty("use_scale")
    public Builder useScale(boolean useScale) {
      this.useScale = useScale;
      return this;
    }

    @JsonProperty("dropout")
    public Builder dropout(double dropout) {
      this.dropout = dropout;
      return this;
    }

    @JsonProperty("seed")
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    @JsonProperty("causal")
    public Builder causal(@Nullable Boolean causal) {
      this.causal = causal;
      return this;
    }

    public AdditiveAttentionConfig build() {
      return new AdditiveAttentionConfig(useScale, dropout, seed, causal);
    }
  }
}

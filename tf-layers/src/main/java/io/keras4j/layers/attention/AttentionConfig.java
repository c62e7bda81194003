package io.keras4j.layers.attention;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Attention}: Keras' {@code Attention(use_scale=False, score_mode="dot",
 * dropout=0.0, seed=None)}.
 *
 * @param causal Keras 2's {@code causal} argument, which Keras 3 replaced by the call argument
 *     {@code use_causal_mask}; {@code null} (and not written) unless a file sets it
 */
@JsonDeserialize(builder = AttentionConfig.Builder.class)
public record AttentionConfig(
    @JsonProperty("use_scale") boolean useScale,
    @JsonProperty("score_mode") ScoreMode scoreMode,
    @JsonProperty("dropout") double dropout,
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("causal") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean causal) {

  /** How queries and keys are scored: Keras' {@code "dot"} and {@code "concat"}. */
  public enum ScoreMode {
    /** The dot product of query and key. */
    DOT("dot"),
    /** The sum of {@code tanh(query + key)} over the features. */
    CONCAT("concat");

    private final String keras;

    ScoreMode(String keras) {
      this.keras = keras;
    }

    @JsonValue
    public String keras() {
      return keras;
    }

    @JsonCreator
    public static ScoreMode of(String name) {
      for (ScoreMode m : values()) {
        if (m.keras.equals(name)) return m;
      }
      throw new IllegalArgumentException(
          "Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. Received:"
              + " score_mode="
              + name);
    }
  }

  public AttentionConfig {
    Objects.requireNonNull(scoreMode, "score_mode");
    BaseDenseAttention.checkDropout(dropout);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .useScale(useScale)
        .scoreMode(scoreMode)
        .dropout(dropout)
        .seed(seed)
        .causal(causal);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private boolean useScale = false;
    private ScoreMode scoreMode = ScoreMode.DOT;
    private double dropout = 0.0;
    private @Nullable Long seed;
    private @Nullable Boolean causal;

    @JsonProperty("use_scale")
    public Builder useScale(boolean useScale) {
      this.useScale = useScale;
      return this;
    }

    @JsonProperty("score_mode")
    public Builder scoreMode(ScoreMode scoreMode) {
      this.scoreMode = scoreMode;
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

    public AttentionConfig build() {
      return new AttentionConfig(useScale, scoreMode, dropout, seed, causal);
    }
  }
}

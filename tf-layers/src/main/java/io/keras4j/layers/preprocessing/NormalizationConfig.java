package io.keras4j.layers.preprocessing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.layers.normalization.Axes;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Normalization}: Keras' {@code Normalization(axis=-1, mean=None, variance=None,
 * invert=False)}.
 *
 * @param axis the axes that keep their own mean and variance, always written as a list ({@code
 *     None} reads as the empty list: one mean and variance for everything)
 * @param mean the mean, or {@code null} when the layer was adapted (its statistics are then
 *     weights)
 * @param variance the variance, given exactly when {@code mean} is
 */
@JsonDeserialize(builder = NormalizationConfig.Builder.class)
public record NormalizationConfig(
    @JsonProperty("axis") Axes axis,
    @JsonProperty("invert") boolean invert,
    @JsonProperty("mean") @Nullable ConstantArray mean,
    @JsonProperty("variance") @Nullable ConstantArray variance) {

  public NormalizationConfig {
    Objects.requireNonNull(axis, "axis");
    if ((mean != null) != (variance != null)) {
      throw new IllegalArgumentException(
          "When setting values directly, both `mean` and `variance` must be set. Received: mean="
              + mean
              + " and variance="
              + variance);
    }
    if (mean != null) {
      if (!mean.dimensions().equals(variance.dimensions())) {
        throw new IllegalArgumentException(
            "When setting values directly, `mean` and `variance` must have the same shape."
                + " Received: mean shape "
                + mean.dimensions()
                + " and variance shape "
                + variance.dimensions());
      }
      if (mean.rank() > axis.values().size()) {
        throw new IllegalArgumentException(
            "The rank of `mean` must be less than or equal to the number of axes ("
                + axis.values().size()
                + "). Received: mean shape "
                + mean.dimensions()
                + " for axis "
                + axis);
      }
    }
  }

  /** Keras' defaults: statistics per feature of the last axis, to be adapted or loaded. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().axis(axis).invert(invert).mean(mean).variance(variance);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private Axes axis = Axes.list(-1);
    private boolean invert;
    private @Nullable ConstantArray mean;
    private @Nullable ConstantArray variance;

    /** An int, a list of ints or {@code null} (no axis), as Keras accepts it. */
    @JsonProperty("axis")
    public Builder axis(@Nullable Axes axis) {
      this.axis =
          axis == null
              ? Axes.list()
              : Axes.list(axis.values().stream().mapToInt(Integer::intValue).toArray());
      return this;
    }

    /** The axes that keep their own statistics. */
    public Builder axis(int... axis) {
      return axis(Axes.list(axis));
    }

    /** Whether to undo the normalization: {@code mean + x * sqrt(variance)}. */
    @JsonProperty("invert")
    public Builder invert(boolean invert) {
      this.invert = invert;
      return this;
    }

    /** A given mean; {@code null} (or JSON {@code null}) for an adapted layer. */
    @JsonProperty("mean")
    public Builder mean(@Nullable ConstantArray mean) {
      this.mean = mean;
      return this;
    }

    @JsonProperty("variance")
    public Builder variance(@Nullable ConstantArray variance) {
      this.variance = variance;
      return this;
    }

    public NormalizationConfig build() {
      return new NormalizationConfig(axis, invert, mean, variance);
    }
  }
}

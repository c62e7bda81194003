package io.keras4j.layers.activations;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link PReLU}: Keras' {@code PReLU(alpha_initializer="Zeros", alpha_regularizer=None,
 * alpha_constraint=None, shared_axes=None)}.
 *
 * @param sharedAxes input axes (1 for the first after the batch) along which one slope is shared,
 *     or {@code null} for a slope per element; a single axis is written as a one-element list, as
 *     Keras does
 */
@JsonDeserialize(builder = PReLUConfig.Builder.class)
public record PReLUConfig(
    @JsonProperty("alpha_initializer") Initializer alphaInitializer,
    @JsonProperty("alpha_regularizer") @Nullable Regularizer alphaRegularizer,
    @JsonProperty("alpha_constraint") @Nullable Constraint alphaConstraint,
    @JsonProperty("shared_axes") @Nullable List<Integer> sharedAxes) {

  public PReLUConfig {
    Objects.requireNonNull(alphaInitializer, "alpha_initializer");
    sharedAxes = sharedAxes == null ? null : List.copyOf(sharedAxes);
  }

  /** Keras' defaults: zero slopes, one per element. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .alphaInitializer(alphaInitializer)
        .alphaRegularizer(alphaRegularizer)
        .alphaConstraint(alphaConstraint)
        .sharedAxes(sharedAxes);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private Initializer alphaInitializer = new Zeros();
    private @Nullable Regularizer alphaRegularizer;
    private @Nullable Constraint alphaConstraint;
    private @Nullable List<Integer> sharedAxes;

    @JsonProperty("alpha_initializer")
    public Builder alphaInitializer(Initializer alphaInitializer) {
      this.alphaInitializer = alphaInitializer;
      return this;
    }

    @JsonProperty("alpha_regularizer")
    public Builder alphaRegularizer(@Nullable Regularizer alphaRegularizer) {
      this.alphaRegularizer = alphaRegularizer;
      return this;
    }

    @JsonProperty("alpha_constraint")
    public Builder alphaConstraint(@Nullable Constraint alphaConstraint) {
      this.alphaConstraint = alphaConstraint;
      return this;
    }

    /** A list of axes, or (as Keras accepts) a single axis. */
    @JsonProperty("shared_axes")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public Builder sharedAxes(@Nullable List<Integer> sharedAxes) {
      this.sharedAxes = sharedAxes;
      return this;
    }

    public Builder sharedAxes(int... sharedAxes) {
      return sharedAxes(java.util.Arrays.stream(sharedAxes).boxed().toList());
    }

    public PReLUConfig build() {
      return new PReLUConfig(alphaInitializer, alphaRegularizer, alphaConstraint, sharedAxes);
    }
  }
}

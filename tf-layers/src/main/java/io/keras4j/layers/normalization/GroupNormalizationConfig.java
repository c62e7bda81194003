package io.keras4j.layers.normalization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Ones;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link GroupNormalization}: Keras' {@code GroupNormalization(groups=32, axis=-1,
 * epsilon=1e-3, center=True, scale=True, beta_initializer="zeros", gamma_initializer="ones", ...)}.
 *
 * @param groups the number of groups the channels are split into; {@code -1} (instance
 *     normalization) becomes the number of channels when the layer is built, as in Keras
 */
@JsonDeserialize(builder = GroupNormalizationConfig.Builder.class)
public record GroupNormalizationConfig(
    @JsonProperty("groups") int groups,
    @JsonProperty("axis") int axis,
    @JsonProperty("epsilon") double epsilon,
    @JsonProperty("center") boolean center,
    @JsonProperty("scale") boolean scale,
    @JsonProperty("beta_initializer") Initializer betaInitializer,
    @JsonProperty("gamma_initializer") Initializer gammaInitializer,
    @JsonProperty("beta_regularizer") @Nullable Regularizer betaRegularizer,
    @JsonProperty("gamma_regularizer") @Nullable Regularizer gammaRegularizer,
    @JsonProperty("beta_constraint") @Nullable Constraint betaConstraint,
    @JsonProperty("gamma_constraint") @Nullable Constraint gammaConstraint) {

  public GroupNormalizationConfig {
    if (groups <= 0 && groups != -1) {
      throw new IllegalArgumentException(
          "Received an invalid value for argument `groups`, expected a positive integer (or `-1`"
              + " for instance normalization). Received: groups="
              + groups);
    }
    Objects.requireNonNull(betaInitializer, "beta_initializer");
    Objects.requireNonNull(gammaInitializer, "gamma_initializer");
  }

  /** Keras' defaults: 32 groups over the last axis. */
  public static Builder builder() {
    return new Builder();
  }

  /** The same config with another number of groups. */
  public GroupNormalizationConfig withGroups(int groups) {
    return toBuilder().groups(groups).build();
  }

  public Builder toBuilder() {
    return new Builder()
        .groups(groups)
        .axis(axis)
        .epsilon(epsilon)
        .center(center)
        .scale(scale)
        .betaInitializer(betaInitializer)
        .gammaInitializer(gammaInitializer)
        .betaRegularizer(betaRegularizer)
        .gammaRegularizer(gammaRegularizer)
        .betaConstraint(betaConstraint)
        .gammaConstraint(gammaConstraint);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private int groups = 32;
    private int axis = -1;
    private double epsilon = 1e-3;
    private boolean center = true;
    private boolean scale = true;
    private Initializer betaInitializer = new Zeros();
    private Initializer gammaInitializer = new Ones();
    private @Nullable Regularizer betaRegularizer;
    private @Nullable Regularizer gammaRegularizer;
    private @Nullable Constraint betaConstraint;
    private @Nullable Constraint gammaConstraint;

    @JsonProperty("groups")
    public Builder groups(int groups) {
      this.groups = groups;
      return this;
    }

    @JsonProperty("axis")
    public Builder axis(int axis) {
      this.axis = axis;
      return this;
    }

    @JsonProperty("epsilon")
    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    @JsonProperty("center")
    public Builder center(boolean center) {
      this.center = center;
      return this;
    }

    @JsonProperty("scale")
    public Builder scale(boolean scale) {
      this.scale = scale;
      return this;
    }

    @JsonProperty("beta_initializer")
    public Builder betaInitializer(Initializer betaInitializer) {
      this.betaInitializer = betaInitializer;
      return this;
    }

    @JsonProperty("gamma_initializer")
    public Builder gammaInitializer(Initializer gammaInitializer) {
      this.gammaInitializer = gammaInitializer;
      return this;
    }

    @JsonProperty("beta_regularizer")
    public Builder betaRegularizer(@Nullable Regularizer betaRegularizer) {
      this.betaRegularizer = betaRegularizer;
      return this;
    }

    @JsonProperty("gamma_regularizer")
    public Builder gammaRegularizer(@Nullable Regularizer gammaRegularizer) {
      this.gammaRegularizer = gammaRegularizer;
      return this;
    }

    @JsonProperty("beta_constraint")
    public Builder betaConstraint(@Nullable Constraint betaConstraint) {
      this.betaConstraint = betaConstraint;
      return this;
    }

    @JsonProperty("gamma_constraint")
    public Builder gammaConstraint(@Nullable Constraint gammaConstraint) {
      this.gammaConstraint = gammaConstraint;
      return this;
    }

    public GroupNormalizationConfig build() {
      return new GroupNormalizationConfig(
          groups,
          axis,
          epsilon,
          center,
          scale,
          betaInitializer,
          gammaInitializer,
          betaRegularizer,
          gammaRegularizer,
          betaConstraint,
          gammaConstraint);
    }
  }
}

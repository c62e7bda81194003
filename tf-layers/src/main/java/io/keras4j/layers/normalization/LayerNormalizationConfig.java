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
 * Config of {@link LayerNormalization}: Keras' {@code LayerNormalization(axis=-1, epsilon=1e-3,
 * center=True, scale=True, beta_initializer="zeros", gamma_initializer="ones", ...)} and its
 * deprecated {@code rms_scaling=False}.
 *
 * @param axis the axes to normalize over; once the layer is built, Keras writes them as a sorted
 *     list of non-negative axes
 */
@JsonDeserialize(builder = LayerNormalizationConfig.Builder.class)
public record LayerNormalizationConfig(
    @JsonProperty("axis") Axes axis,
    @JsonProperty("epsilon") double epsilon,
    @JsonProperty("center") boolean center,
    @JsonProperty("scale") boolean scale,
    @JsonProperty("rms_scaling") boolean rmsScaling,
    @JsonProperty("beta_initializer") Initializer betaInitializer,
    @JsonProperty("gamma_initializer") Initializer gammaInitializer,
    @JsonProperty("beta_regularizer") @Nullable Regularizer betaRegularizer,
    @JsonProperty("gamma_regularizer") @Nullable Regularizer gammaRegularizer,
    @JsonProperty("beta_constraint") @Nullable Constraint betaConstraint,
    @JsonProperty("gamma_constraint") @Nullable Constraint gammaConstraint) {

  public LayerNormalizationConfig {
    Objects.requireNonNull(axis, "axis");
    Objects.requireNonNull(betaInitializer, "beta_initializer");
    Objects.requireNonNull(gammaInitializer, "gamma_initializer");
  }

  /** Keras' defaults: normalize the last axis. */
  public static Builder builder() {
    return new Builder();
  }

  /** The same config with other axes. */
  public LayerNormalizationConfig withAxis(Axes axis) {
    return toBuilder().axis(axis).build();
  }

  public Builder toBuilder() {
    return new Builder()
        .axis(axis)
        .epsilon(epsilon)
        .center(center)
        .scale(scale)
        .rmsScaling(rmsScaling)
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
    private Axes axis = Axes.of(-1);
    private double epsilon = 1e-3;
    private boolean center = true;
    private boolean scale = true;
    private boolean rmsScaling;
    private Initializer betaInitializer = new Zeros();
    private Initializer gammaInitializer = new Ones();
    private @Nullable Regularizer betaRegularizer;
    private @Nullable Regularizer gammaRegularizer;
    private @Nullable Constraint betaConstraint;
    private @Nullable Constraint gammaConstraint;

    /** An int or a list of ints, as Keras accepts it. */
    @JsonProperty("axis")
    public Builder axis(Axes axis) {
      this.axis = axis;
      return this;
    }

    /** One axis. */
    public Builder axis(int axis) {
      return axis(Axes.of(axis));
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

    /** Deprecated in Keras: scales by the variance, not the root mean square. */
    @JsonProperty("rms_scaling")
    public Builder rmsScaling(boolean rmsScaling) {
      this.rmsScaling = rmsScaling;
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

    public LayerNormalizationConfig build() {
      return new LayerNormalizationConfig(
          axis,
          epsilon,
          center,
          scale,
          rmsScaling,
          betaInitializer,
          gammaInitializer,
          betaRegularizer,
          gammaRegularizer,
          betaConstraint,
          gammaConstraint);
    }
  }
}

package io.keras4j.layers.normalization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
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
 * Config of {@link BatchNormalization}: Keras' {@code BatchNormalization(axis=-1, momentum=0.99,
 * epsilon=1e-3, center=True, scale=True, beta_initializer="zeros", gamma_initializer="ones",
 * moving_mean_initializer="zeros", moving_variance_initializer="ones", ..., renorm=False,
 * renorm_clipping=None, renorm_momentum=0.99, synchronized=False)}.
 *
 * <p>Batch renormalization and cross-replica synchronization are not supported: a config that turns
 * either on is refused.
 */
@JsonDeserialize(builder = BatchNormalizationConfig.Builder.class)
public record BatchNormalizationConfig(
    @JsonProperty("axis") int axis,
    @JsonProperty("momentum") double momentum,
    @JsonProperty("epsilon") double epsilon,
    @JsonProperty("center") boolean center,
    @JsonProperty("scale") boolean scale,
    @JsonProperty("beta_initializer") Initializer betaInitializer,
    @JsonProperty("gamma_initializer") Initializer gammaInitializer,
    @JsonProperty("moving_mean_initializer") Initializer movingMeanInitializer,
    @JsonProperty("moving_variance_initializer") Initializer movingVarianceInitializer,
    @JsonProperty("beta_regularizer") @Nullable Regularizer betaRegularizer,
    @JsonProperty("gamma_regularizer") @Nullable Regularizer gammaRegularizer,
    @JsonProperty("beta_constraint") @Nullable Constraint betaConstraint,
    @JsonProperty("gamma_constraint") @Nullable Constraint gammaConstraint,
    @JsonProperty("synchronized") boolean synchronizedStatistics,
    @JsonProperty("renorm") boolean renorm,
    @JsonProperty("renorm_clipping") @Nullable JsonNode renormClipping,
    @JsonProperty("renorm_momentum") double renormMomentum) {

  public BatchNormalizationConfig {
    Objects.requireNonNull(betaInitializer, "beta_initializer");
    Objects.requireNonNull(gammaInitializer, "gamma_initializer");
    Objects.requireNonNull(movingMeanInitializer, "moving_mean_initializer");
    Objects.requireNonNull(movingVarianceInitializer, "moving_variance_initializer");
    if (renorm) {
      throw new UnsupportedOperationException(
          "BatchNormalization(renorm=True) (batch renormalization) is not supported; received"
              + " renorm=True");
    }
    if (synchronizedStatistics) {
      throw new UnsupportedOperationException(
          "BatchNormalization(synchronized=True) (statistics synchronized across replicas) is not"
              + " supported; received synchronized=True");
    }
    if (renormClipping != null && renormClipping.isNull()) {
      renormClipping = null;
    }
  }

  /** Keras' defaults: normalize the last axis. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .axis(axis)
        .momentum(momentum)
        .epsilon(epsilon)
        .center(center)
        .scale(scale)
        .betaInitializer(betaInitializer)
        .gammaInitializer(gammaInitializer)
        .movingMeanInitializer(movingMeanInitializer)
        .movingVarianceInitializer(movingVarianceInitializer)
        .betaRegularizer(betaRegularizer)
        .gammaRegularizer(gammaRegularizer)
        .betaConstraint(betaConstraint)
        .gammaConstraint(gammaConstraint)
        .renormClipping(renormClipping)
        .renormMomentum(renormMomentum);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private int axis = -1;
    private double momentum = 0.99;
    private double epsilon = 1e-3;
    private boolean center = true;
    private boolean scale = true;
    private Initializer betaInitializer = new Zeros();
    private Initializer gammaInitializer = new Ones();
    private Initializer movingMeanInitializer = new Zeros();
    private Initializer movingVarianceInitializer = new Ones();
    private @Nullable Regularizer betaRegularizer;
    private @Nullable Regularizer gammaRegularizer;
    private @Nullable Constraint betaConstraint;
    private @Nullable Constraint gammaConstraint;
    private boolean synchronizedStatistics;
    private boolean renorm;
    private @Nullable JsonNode renormClipping;
    private double renormMomentum = 0.99;

    /**
     * The axis to normalize. Keras 3 writes an integer; Keras 2 wrote a list after building ({@code
     * [3]}), read here when it holds one axis.
     */
    @JsonProperty("axis")
    public Builder axis(Axes axis) {
      if (axis.values().size() != 1) {
        throw new IllegalArgumentException(
            "BatchNormalization normalizes one axis; a list of several (Keras 2's axis="
                + axis
                + ") is not supported");
      }
      this.axis = axis.values().get(0);
      return this;
    }

    public Builder axis(int axis) {
      return axis(Axes.of(axis));
    }

    @JsonProperty("momentum")
    public Builder momentum(double momentum) {
      this.momentum = momentum;
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

    @JsonProperty("moving_mean_initializer")
    public Builder movingMeanInitializer(Initializer movingMeanInitializer) {
      this.movingMeanInitializer = movingMeanInitializer;
      return this;
    }

    @JsonProperty("moving_variance_initializer")
    public Builder movingVarianceInitializer(Initializer movingVarianceInitializer) {
      this.movingVarianceInitializer = movingVarianceInitializer;
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

    @JsonProperty("synchronized")
    public Builder synchronizedStatistics(boolean synchronizedStatistics) {
      this.synchronizedStatistics = synchronizedStatistics;
      return this;
    }

    @JsonProperty("renorm")
    public Builder renorm(boolean renorm) {
      this.renorm = renorm;
      return this;
    }

    @JsonProperty("renorm_clipping")
    public Builder renormClipping(@Nullable JsonNode renormClipping) {
      this.renormClipping = renormClipping;
      return this;
    }

    @JsonProperty("renorm_momentum")
    public Builder renormMomentum(double renormMomentum) {
      this.renormMomentum = renormMomentum;
      return this;
    }

    public BatchNormalizationConfig build() {
      return new BatchNormalizationConfig(
          axis,
          momentum,
          epsilon,
          center,
          scale,
          betaInitializer,
          gammaInitializer,
          movingMeanInitializer,
          movingVarianceInitializer,
          betaRegularizer,
          gammaRegularizer,
          betaConstraint,
          gammaConstraint,
          synchronizedStatistics,
          renorm,
          renormClipping,
          renormMomentum);
    }
  }
}

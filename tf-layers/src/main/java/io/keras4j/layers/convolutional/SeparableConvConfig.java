package io.keras4j.layers.convolutional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.activations.Activation;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.layers.convolutional.internal.KerasTuple;
import io.keras4j.regularizers.Regularizer;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link SeparableConv1D} and {@link SeparableConv2D}: Keras' {@code
 * BaseSeparableConv(depth_multiplier, filters, kernel_size, strides=1, padding="valid",
 * data_format=None, dilation_rate=1, activation=None, use_bias=True,
 * depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform",
 * bias_initializer="zeros", ...)}.
 *
 * <p>{@code kernel_size}, {@code strides} and {@code dilation_rate} may be given as one value for
 * every spatial axis (Keras' int); the layer stores them as a tuple of its rank, as Keras writes
 * them.
 *
 * <pre>{@code
 * SeparableConvConfig c = SeparableConvConfig.builder(5, 3, 3).build();
 * }</pre>
 */
@JsonDeserialize(builder = SeparableConvConfig.Builder.class)
public record SeparableConvConfig(
    @JsonProperty("depth_multiplier") int depthMultiplier,
    @JsonProperty("filters") int filters,
    @JsonProperty("kernel_size") List<Integer> kernelSize,
    @JsonProperty("strides") List<Integer> strides,
    @JsonProperty("padding") Padding padding,
    @JsonProperty("data_format") DataFormat dataFormat,
    @JsonProperty("dilation_rate") List<Integer> dilationRate,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("use_bias") boolean useBias,
    @JsonProperty("depthwise_initializer") Initializer depthwiseInitializer,
    @JsonProperty("pointwise_initializer") Initializer pointwiseInitializer,
    @JsonProperty("bias_initializer") Initializer biasInitializer,
    @JsonProperty("depthwise_regularizer") @Nullable Regularizer depthwiseRegularizer,
    @JsonProperty("pointwise_regularizer") @Nullable Regularizer pointwiseRegularizer,
    @JsonProperty("bias_regularizer") @Nullable Regularizer biasRegularizer,
    @JsonProperty("activity_regularizer") @Nullable Regularizer activityRegularizer,
    @JsonProperty("depthwise_constraint") @Nullable Constraint depthwiseConstraint,
    @JsonProperty("pointwise_constraint") @Nullable Constraint pointwiseConstraint,
    @JsonProperty("bias_constraint") @Nullable Constraint biasConstraint) {

  public SeparableConvConfig {
    Objects.requireNonNull(kernelSize, "kernel_size");
    Objects.requireNonNull(strides, "strides");
    Objects.requireNonNull(padding, "padding");
    Objects.requireNonNull(dataFormat, "data_format");
    Objects.requireNonNull(dilationRate, "dilation_rate");
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(depthwiseInitializer, "depthwise_initializer");
    Objects.requireNonNull(pointwiseInitializer, "pointwise_initializer");
    Objects.requireNonNull(biasInitializer, "bias_initializer");
    kernelSize = KerasTuple.copyOf(kernelSize);
    strides = KerasTuple.copyOf(strides);
    dilationRate = KerasTuple.copyOf(dilationRate);
    if (depthMultiplier <= 0) {
      throw new IllegalArgumentException(
          "Invalid value for argument `depth_multiplier`. Expected a strictly positive value."
              + " Received depth_multiplier="
              + depthMultiplier
              + ".");
    }
    if (filters <= 0) {
      throw new IllegalArgumentException(
          "Invalid value for argument `filters`. Expected a strictly positive value. Received"
              + " filters="
              + filters
              + ".");
    }
    if (padding == Padding.CAUSAL) {
      throw new IllegalArgumentException(
          "The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received:"
              + " causal");
    }
    ConvConfig.checkWindow(kernelSize, strides, dilationRate);
  }

  /**
   * This config for a layer of the given spatial rank: tuples standardized to {@code rank}, and the
   * activity regularizer the layer applies (see {@link ConvConfig#argsWith}).
   */
  SeparableConvConfig forRank(int rank, @Nullable Regularizer activityRegularizer) {
    return toBuilder()
        .activityRegularizer(activityRegularizer)
        .kernelSize(KerasTuple.ints(KerasTuple.standardize(kernelSize, rank, "kernel_size")))
        .strides(KerasTuple.ints(KerasTuple.standardize(strides, rank, "strides")))
        .dilationRate(KerasTuple.ints(KerasTuple.standardize(dilationRate, rank, "dilation_rate")))
        .build();
  }

  /** A config with Keras' defaults for {@code filters} filters of the given kernel size. */
  public static Builder builder(int filters, int... kernelSize) {
    return new Builder().filters(filters).kernelSize(kernelSize);
  }

  public Builder toBuilder() {
    return new Builder()
        .depthMultiplier(depthMultiplier)
        .filters(filters)
        .kernelSize(KerasTuple.ints(kernelSize))
        .strides(KerasTuple.ints(strides))
        .padding(padding)
        .dataFormat(dataFormat)
        .dilationRate(KerasTuple.ints(dilationRate))
        .activation(activation)
        .useBias(useBias)
        .depthwiseInitializer(depthwiseInitializer)
        .pointwiseInitializer(pointwiseInitializer)
        .biasInitializer(biasInitializer)
        .depthwiseRegularizer(depthwiseRegularizer)
        .pointwiseRegularizer(pointwiseRegularizer)
        .biasRegularizer(biasRegularizer)
        .activityRegularizer(activityRegularizer)
        .depthwiseConstraint(depthwiseConstraint)
        .pointwiseConstraint(pointwiseConstraint)
        .biasConstraint(biasConstraint);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends ConvBuilder<Builder> {
    private int depthMultiplier = 1;
    private int filters;
    private Initializer depthwiseInitializer = new GlorotUniform();
    private Initializer pointwiseInitializer = new GlorotUniform();
    private @Nullable Regularizer depthwiseRegularizer;
    private @Nullable Regularizer pointwiseRegularizer;
    private @Nullable Constraint depthwiseConstraint;
    private @Nullable Constraint pointwiseConstraint;

    @JsonProperty("depth_multiplier")
    public Builder depthMultiplier(int depthMultiplier) {
      this.depthMultiplier = depthMultiplier;
      return this;
    }

    @JsonProperty("filters")
    public Builder filters(int filters) {
      this.filters = filters;
      return this;
    }

    /** {@code null} means Keras' default, {@code glorot_uniform}. */
    @JsonProperty("depthwise_initializer")
    public Builder depthwiseInitializer(@Nullable Initializer depthwiseInitializer) {
      this.depthwiseInitializer =
          depthwiseInitializer == null ? new GlorotUniform() : depthwiseInitializer;
      return this;
    }

    /** {@code null} means Keras' default, {@code glorot_uniform}. */
    @JsonProperty("pointwise_initializer")
    public Builder pointwiseInitializer(@Nullable Initializer pointwiseInitializer) {
      this.pointwiseInitializer =
          pointwiseInitializer == null ? new GlorotUniform() : pointwiseInitializer;
      return this;
    }

    @JsonProperty("depthwise_regularizer")
    public Builder depthwiseRegularizer(@Nullable Regularizer depthwiseRegularizer) {
      this.depthwiseRegularizer = depthwiseRegularizer;
      return this;
    }

    @JsonProperty("pointwise_regularizer")
    public Builder pointwiseRegularizer(@Nullable Regularizer pointwiseRegularizer) {
      this.pointwiseRegularizer = pointwiseRegularizer;
      return this;
    }

    @JsonProperty("depthwise_constraint")
    public Builder depthwiseConstraint(@Nullable Constraint depthwiseConstraint) {
      this.depthwiseConstraint = depthwiseConstraint;
      return this;
    }

    @JsonProperty("pointwise_constraint")
    public Builder pointwiseConstraint(@Nullable Constraint pointwiseConstraint) {
      this.pointwiseConstraint = pointwiseConstraint;
      return this;
    }

    public SeparableConvConfig build() {
      return new SeparableConvConfig(
          depthMultiplier,
          filters,
          kernelSize,
          strides,
          padding,
          dataFormat,
          dilationRate,
          activation,
          useBias,
          depthwiseInitializer,
          pointwiseInitializer,
          biasInitializer,
          depthwiseRegularizer,
          pointwiseRegularizer,
          biasRegularizer,
          activityRegularizer,
          depthwiseConstraint,
          pointwiseConstraint,
          biasConstraint);
    }
  }
}

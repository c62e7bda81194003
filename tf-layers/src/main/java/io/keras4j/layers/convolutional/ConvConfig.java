package io.keras4j.layers.convolutional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.activations.Activation;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.internal.KerasTuple;
import io.keras4j.regularizers.Regularizer;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Conv1D}, {@link Conv2D} and {@link Conv3D}: Keras' {@code BaseConv(filters,
 * kernel_size, strides=1, padding="valid", data_format=None, dilation_rate=1, groups=1,
 * activation=None, use_bias=True, kernel_initializer="glorot_uniform", bias_initializer="zeros",
 * ...)}.
 *
 * <p>{@code kernel_size}, {@code strides} and {@code dilation_rate} may be given as one value for
 * every spatial axis (Keras' int); the layer stores them as a tuple of its rank, as Keras writes
 * them.
 *
 * <pre>{@code
 * ConvConfig c = ConvConfig.builder(8, 3, 3).strides(2).padding(Padding.SAME).build();
 * }</pre>
 */
@JsonDeserialize(builder = ConvConfig.Builder.class)
public record ConvConfig(
    @JsonProperty("filters") int filters,
    @JsonProperty("kernel_size") List<Integer> kernelSize,
    @JsonProperty("strides") List<Integer> strides,
    @JsonProperty("padding") Padding padding,
    @JsonProperty("data_format") DataFormat dataFormat,
    @JsonProperty("dilation_rate") List<Integer> dilationRate,
    @JsonProperty("groups") int groups,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("use_bias") boolean useBias,
    @JsonProperty("kernel_initializer") Initializer kernelInitializer,
    @JsonProperty("bias_initializer") Initializer biasInitializer,
    @JsonProperty("kernel_regularizer") @Nullable Regularizer kernelRegularizer,
    @JsonProperty("bias_regularizer") @Nullable Regularizer biasRegularizer,
    @JsonProperty("activity_regularizer") @Nullable Regularizer activityRegularizer,
    @JsonProperty("kernel_constraint") @Nullable Constraint kernelConstraint,
    @JsonProperty("bias_constraint") @Nullable Constraint biasConstraint) {

  public ConvConfig {
    Objects.requireNonNull(kernelSize, "kernel_size");
    Objects.requireNonNull(strides, "strides");
    Objects.requireNonNull(padding, "padding");
    Objects.requireNonNull(dataFormat, "data_format");
    Objects.requireNonNull(dilationRate, "dilation_rate");
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(kernelInitializer, "kernel_initializer");
    Objects.requireNonNull(biasInitializer, "bias_initializer");
    kernelSize = KerasTuple.copyOf(kernelSize);
    strides = KerasTuple.copyOf(strides);
    dilationRate = KerasTuple.copyOf(dilationRate);
    if (filters <= 0) {
      throw new IllegalArgumentException(
          "Invalid value for argument `filters`. Expected a strictly positive value. Received"
              + " filters="
              + filters
              + ".");
    }
    if (groups <= 0) {
      throw new IllegalArgumentException(
          "The number of groups must be a positive integer. Received: groups=" + groups + ".");
    }
    if (filters % groups != 0) {
      throw new IllegalArgumentException(
          "The number of filters must be evenly divisible by the number of groups. Received:"
              + " groups="
              + groups
              + ", filters="
              + filters
              + ".");
    }
    checkWindow(kernelSize, strides, dilationRate);
    if (Collections.max(strides) > 1 && Collections.max(dilationRate) > 1) {
      throw new IllegalArgumentException(
          "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received:"
              + " strides="
              + strides
              + " and dilation_rate="
              + dilationRate);
    }
  }

  /** Keras' checks of a window's tuples: no zero in {@code kernel_size} or {@code strides}. */
  static void checkWindow(List<Integer> kernelSize, List<Integer> strides, List<Integer> dilation) {
    KerasTuple.requirePositive(kernelSize, "kernel_size", true);
    KerasTuple.requirePositive(strides, "strides", true);
    KerasTuple.requirePositive(dilation, "dilation_rate", false);
    if (dilation.isEmpty()) {
      throw new IllegalArgumentException(
          "The `dilation_rate` argument must be a tuple of integers. Received dilation_rate=[]");
    }
    if (kernelSize.isEmpty() || kernelSize.contains(0)) {
      throw new IllegalArgumentException(
          "The argument `kernel_size` cannot contain 0. Received kernel_size=" + kernelSize + ".");
    }
    if (strides.isEmpty() || strides.contains(0)) {
      throw new IllegalArgumentException(
          "The argument `strides` cannot contains 0. Received strides=" + strides);
    }
  }

  /**
   * This config for a layer of the given spatial rank: tuples standardized to {@code rank} values,
   * {@code causal} padding refused unless {@code rank} is 1.
   *
   * <p>Also records the activity regularizer the layer applies (see {@link ConvConfig#argsWith}).
   */
  ConvConfig forRank(int rank, @Nullable Regularizer activityRegularizer) {
    if (padding == Padding.CAUSAL && rank != 1) {
      throw new IllegalArgumentException(
          "The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received:"
              + " causal");
    }
    return toBuilder()
        .activityRegularizer(activityRegularizer)
        .kernelSize(KerasTuple.ints(KerasTuple.standardize(kernelSize, rank, "kernel_size")))
        .strides(KerasTuple.ints(KerasTuple.standardize(strides, rank, "strides")))
        .dilationRate(KerasTuple.ints(KerasTuple.standardize(dilationRate, rank, "dilation_rate")))
        .build();
  }

  /**
   * The base arguments of a convolution built from a config: Keras' convolutions take {@code
   * activity_regularizer} as their own argument and write it in their config, null included, while
   * the layer's {@link LayerArgs} hold the regularizer it applies. A value in the config wins.
   */
  static LayerArgs argsWith(LayerArgs args, @Nullable Regularizer activityRegularizer) {
    return activityRegularizer == null ? args : args.withActivityRegularizer(activityRegularizer);
  }

  /** A config with Keras' defaults for {@code filters} filters of the given kernel size. */
  public static Builder builder(int filters, int... kernelSize) {
    return new Builder().filters(filters).kernelSize(kernelSize);
  }

  public Builder toBuilder() {
    return new Builder()
        .filters(filters)
        .kernelSize(KerasTuple.ints(kernelSize))
        .strides(KerasTuple.ints(strides))
        .padding(padding)
        .dataFormat(dataFormat)
        .dilationRate(KerasTuple.ints(dilationRate))
        .groups(groups)
        .activation(activation)
        .useBias(useBias)
        .kernelInitializer(kernelInitializer)
        .biasInitializer(biasInitializer)
        .kernelRegularizer(kernelRegularizer)
        .biasRegularizer(biasRegularizer)
        .activityRegularizer(activityRegularizer)
        .kernelConstraint(kernelConstraint)
        .biasConstraint(biasConstraint);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends ConvBuilder<Builder> {
    private int filters;
    private int groups = 1;
    private Initializer kernelInitializer = new GlorotUniform();
    private @Nullable Regularizer kernelRegularizer;
    private @Nullable Constraint kernelConstraint;
    private @Nullable Integer loraRank;

    @JsonProperty("filters")
    public Builder filters(int filters) {
      this.filters = filters;
      return this;
    }

    @JsonProperty("groups")
    public Builder groups(int groups) {
      this.groups = groups;
      return this;
    }

    /** {@code null} means Keras' default, {@code glorot_uniform}. */
    @JsonProperty("kernel_initializer")
    public Builder kernelInitializer(@Nullable Initializer kernelInitializer) {
      this.kernelInitializer = kernelInitializer == null ? new GlorotUniform() : kernelInitializer;
      return this;
    }

    @JsonProperty("kernel_regularizer")
    public Builder kernelRegularizer(@Nullable Regularizer kernelRegularizer) {
      this.kernelRegularizer = kernelRegularizer;
      return this;
    }

    @JsonProperty("kernel_constraint")
    public Builder kernelConstraint(@Nullable Constraint kernelConstraint) {
      this.kernelConstraint = kernelConstraint;
      return this;
    }

    /**
     * Keras writes {@code lora_rank} only when LoRA is enabled, which Keras4J does not support: any
     * value makes {@link #build()} fail.
     */
    @JsonProperty("lora_rank")
    public Builder loraRank(@Nullable Integer loraRank) {
      this.loraRank = loraRank;
      return this;
    }

    public ConvConfig build() {
      if (loraRank != null) {
        throw new UnsupportedOperationException(
            "Convolutions with LoRA (lora_rank=" + loraRank + ") are not supported");
      }
      return new ConvConfig(
          filters,
          kernelSize,
          strides,
          padding,
          dataFormat,
          dilationRate,
          groups,
          activation,
          useBias,
          kernelInitializer,
          biasInitializer,
          kernelRegularizer,
          biasRegularizer,
          activityRegularizer,
          kernelConstraint,
          biasConstraint);
    }
  }
}

package io.keras4j.layers.convolutional;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.activations.Activation;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.layers.convolutional.internal.KerasTuple;
import io.keras4j.regularizers.Regularizer;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Conv1DTranspose}, {@link Conv2DTranspose} and {@link Conv3DTranspose}: Keras'
 * {@code BaseConvTranspose(filters, kernel_size, strides=1, padding="valid", output_padding=None,
 * data_format=None, dilation_rate=1, activation=None, use_bias=True,
 * kernel_initializer="glorot_uniform", bias_initializer="zeros", ...)}.
 *
 * <p>{@code kernel_size}, {@code strides}, {@code output_padding} and {@code dilation_rate} may be
 * given as one value for every spatial axis (Keras' int); the layer stores them as a tuple of its
 * rank, as Keras writes them.
 *
 * <pre>{@code
 * ConvTransposeConfig c = ConvTransposeConfig.builder(3, 3, 3).strides(2).padding(Padding.SAME).build();
 * }</pre>
 *
 * @param outputPadding extra cells at the end of each output axis, each below its stride; {@code
 *     null} lets the output size follow from the input size, strides and padding
 */
@JsonDeserialize(builder = ConvTransposeConfig.Builder.class)
public record ConvTransposeConfig(
    @JsonProperty("filters") int filters,
    @JsonProperty("kernel_size") List<Integer> kernelSize,
    @JsonProperty("strides") List<Integer> strides,
    @JsonProperty("padding") Padding padding,
    @JsonProperty("output_padding") @Nullable List<Integer> outputPadding,
    @JsonProperty("data_format") DataFormat dataFormat,
    @JsonProperty("dilation_rate") List<Integer> dilationRate,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("use_bias") boolean useBias,
    @JsonProperty("kernel_initializer") Initializer kernelInitializer,
    @JsonProperty("bias_initializer") Initializer biasInitializer,
    @JsonProperty("kernel_regularizer") @Nullable Regularizer kernelRegularizer,
    @JsonProperty("bias_regularizer") @Nullable Regularizer biasRegularizer,
    @JsonProperty("activity_regularizer") @Nullable Regularizer activityRegularizer,
    @JsonProperty("kernel_constraint") @Nullable Constraint kernelConstraint,
    @JsonProperty("bias_constraint") @Nullable Constraint biasConstraint) {

  public ConvTransposeConfig {
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
    outputPadding = KerasTuple.copyOf(outputPadding);
    dilationRate = KerasTuple.copyOf(dilationRate);
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
    if (outputPadding != null) {
      KerasTuple.requirePositive(outputPadding, "output_padding", true);
    }
    if (Collections.max(strides) > 1 && Collections.max(dilationRate) > 1) {
      throw new IllegalArgumentException(
          "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received:"
              + " strides="
              + strides
              + " and dilation_rate="
              + dilationRate);
    }
  }

  /**
   * This config for a layer of the given spatial rank: tuples standardized to {@code rank} values,
   * each {@code output_padding} checked against its stride.
   *
   * <p>Also records the activity regularizer the layer applies (see {@link ConvConfig#argsWith}).
   */
  ConvTransposeConfig forRank(int rank, @Nullable Regularizer activityRegularizer) {
    List<Integer> s = KerasTuple.standardize(strides, rank, "strides");
    List<Integer> op =
        outputPadding == null
            ? null
            : KerasTuple.standardize(outputPadding, rank, "output_padding");
    if (op != null) {
      for (int i = 0; i < rank; i++) {
        if (op.get(i) >= s.get(i)) {
          throw new IllegalArgumentException(
              "`output_padding` must be strictly less than `strides` for all dimensions. At"
                  + " dimension "
                  + i
                  + ", `output_padding` is "
                  + op.get(i)
                  + " but `strides` is "
                  + s.get(i)
                  + ". Received: output_padding="
                  + op
                  + ", strides="
                  + s);
        }
      }
    }
    return toBuilder()
        .activityRegularizer(activityRegularizer)
        .kernelSize(KerasTuple.ints(KerasTuple.standardize(kernelSize, rank, "kernel_size")))
        .strides(KerasTuple.ints(s))
        .outputPadding(op == null ? null : KerasTuple.ints(op))
        .dilationRate(KerasTuple.ints(KerasTuple.standardize(dilationRate, rank, "dilation_rate")))
        .build();
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
        .outputPadding(outputPadding == null ? null : KerasTuple.ints(outputPadding))
        .dataFormat(dataFormat)
        .dilationRate(KerasTuple.ints(dilationRate))
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
    private @Nullable List<Integer> outputPadding;
    private Initializer kernelInitializer = new GlorotUniform();
    private @Nullable Regularizer kernelRegularizer;
    private @Nullable Constraint kernelConstraint;

    @JsonProperty("filters")
    public Builder filters(int filters) {
      this.filters = filters;
      return this;
    }

    /** {@code null} (Keras' default) lets the output size follow from the other settings. */
    @JsonProperty("output_padding")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public Builder outputPadding(int @Nullable ... outputPadding) {
      this.outputPadding = outputPadding == null ? null : KerasTuple.of(outputPadding);
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

    public ConvTransposeConfig build() {
      return new ConvTransposeConfig(
          filters,
          kernelSize,
          strides,
          padding,
          outputPadding,
          dataFormat,
          dilationRate,
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

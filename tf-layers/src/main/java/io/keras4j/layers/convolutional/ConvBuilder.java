package io.keras4j.layers.convolutional;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.activations.Activation;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Zeros;
import io.keras4j.layers.convolutional.internal.KerasTuple;
import io.keras4j.regularizers.Regularizer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings every convolution of Keras takes ({@code Conv}, {@code ConvTranspose}, {@code
 * DepthwiseConv}, {@code SeparableConv}), with Keras' defaults: the window, padding, data format,
 * activation and bias, and the layer's activity regularizer. The builders of their configs extend
 * it.
 *
 * @param <B> the concrete builder, which every setter returns
 */
public abstract class ConvBuilder<B extends ConvBuilder<B>> {

  List<Integer> kernelSize = List.of();
  List<Integer> strides = KerasTuple.of(1);
  Padding padding = Padding.VALID;
  DataFormat dataFormat = DataFormat.CHANNELS_LAST;
  List<Integer> dilationRate = KerasTuple.of(1);
  Activation activation = BuiltinActivation.LINEAR;
  boolean useBias = true;
  Initializer biasInitializer = new Zeros();
  @Nullable Regularizer biasRegularizer;
  @Nullable Regularizer activityRegularizer;
  @Nullable Constraint biasConstraint;

  ConvBuilder() {}

  /** One value per spatial axis, or one value for all of them. */
  @JsonProperty("kernel_size")
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  public B kernelSize(int... kernelSize) {
    this.kernelSize = KerasTuple.of(kernelSize);
    return self();
  }

  @JsonProperty("strides")
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  public B strides(int... strides) {
    this.strides = KerasTuple.of(strides);
    return self();
  }

  @JsonProperty("padding")
  public B padding(Padding padding) {
    this.padding = padding;
    return self();
  }

  /** {@code null} (Keras' {@code data_format=None}) means Keras' default, channels last. */
  @JsonProperty("data_format")
  public B dataFormat(@Nullable DataFormat dataFormat) {
    this.dataFormat = dataFormat == null ? DataFormat.CHANNELS_LAST : dataFormat;
    return self();
  }

  @JsonProperty("dilation_rate")
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  public B dilationRate(int... dilationRate) {
    this.dilationRate = KerasTuple.of(dilationRate);
    return self();
  }

  /** {@code null} (as Keras' {@code activation=None}) means linear. */
  @JsonProperty("activation")
  public B activation(@Nullable Activation activation) {
    this.activation = activation == null ? BuiltinActivation.LINEAR : activation;
    return self();
  }

  @JsonProperty("use_bias")
  public B useBias(boolean useBias) {
    this.useBias = useBias;
    return self();
  }

  /** {@code null} means Keras' default, {@code zeros}. */
  @JsonProperty("bias_initializer")
  public B biasInitializer(@Nullable Initializer biasInitializer) {
    this.biasInitializer = biasInitializer == null ? new Zeros() : biasInitializer;
    return self();
  }

  @JsonProperty("bias_regularizer")
  public B biasRegularizer(@Nullable Regularizer biasRegularizer) {
    this.biasRegularizer = biasRegularizer;
    return self();
  }

  /** The penalty on the layer's output; the layer's {@code LayerArgs} hold the same value. */
  @JsonProperty("activity_regularizer")
  public B activityRegularizer(@Nullable Regularizer activityRegularizer) {
    this.activityRegularizer = activityRegularizer;
    return self();
  }

  @JsonProperty("bias_constraint")
  public B biasConstraint(@Nullable Constraint biasConstraint) {
    this.biasConstraint = biasConstraint;
    return self();
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }
}

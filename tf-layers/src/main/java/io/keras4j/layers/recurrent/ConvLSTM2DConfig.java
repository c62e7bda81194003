package io.keras4j.layers.recurrent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.activations.Activation;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link ConvLSTM2D}: Keras' {@code ConvLSTM2D(filters, kernel_size, strides=1,
 * padding="valid", data_format=None, dilation_rate=1, activation="tanh",
 * recurrent_activation="sigmoid", use_bias=True, ..., unit_forget_bias=True, ..., dropout=0.0,
 * recurrent_dropout=0.0, seed=None, return_sequences=False, return_state=False, go_backwards=False,
 * stateful=False)}.
 *
 * <p>{@code kernel_size}, {@code strides} and {@code dilation_rate} read as an int or a pair of
 * ints and are written as pairs; {@code padding} is {@code "valid"} or {@code "same"}; {@code
 * data_format} {@code null} means {@code "channels_last"}, as Keras normalizes them. Keras 2's
 * {@code time_major} is read and must be {@code false}.
 */
@JsonDeserialize(builder = ConvLSTM2DConfig.Builder.class)
public record ConvLSTM2DConfig(
    @JsonProperty("return_sequences") boolean returnSequences,
    @JsonProperty("return_state") boolean returnState,
    @JsonProperty("go_backwards") boolean goBackwards,
    @JsonProperty("stateful") boolean stateful,
    @JsonProperty("unroll") boolean unroll,
    @JsonProperty("zero_output_for_mask") boolean zeroOutputForMask,
    @JsonProperty("filters") int filters,
    @JsonProperty("kernel_size") List<Integer> kernelSize,
    @JsonProperty("strides") List<Integer> strides,
    @JsonProperty("padding") String padding,
    @JsonProperty("data_format") String dataFormat,
    @JsonProperty("dilation_rate") List<Integer> dilationRate,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("recurrent_activation") Activation recurrentActivation,
    @JsonProperty("use_bias") boolean useBias,
    @JsonProperty("kernel_initializer") Initializer kernelInitializer,
    @JsonProperty("recurrent_initializer") Initializer recurrentInitializer,
    @JsonProperty("bias_initializer") Initializer biasInitializer,
    @JsonProperty("unit_forget_bias") boolean unitForgetBias,
    @JsonProperty("kernel_regularizer") @Nullable Regularizer kernelRegularizer,
    @JsonProperty("recurrent_regularizer") @Nullable Regularizer recurrentRegularizer,
    @JsonProperty("bias_regularizer") @Nullable Regularizer biasRegularizer,
    @JsonProperty("activity_regularizer") @Nullable Regularizer activityRegularizer,
    @JsonProperty("kernel_constraint") @Nullable Constraint kernelConstraint,
    @JsonProperty("recurrent_constraint") @Nullable Constraint recurrentConstraint,
    @JsonProperty("bias_constraint") @Nullable Constraint biasConstraint,
    @JsonProperty("dropout") double dropout,
    @JsonProperty("recurrent_dropout") double recurrentDropout,
    @JsonProperty("seed") @Nullable Long seed)
    implements RecurrentConfig {

  public ConvLSTM2DConfig {
    RecurrentLayer.requireNotStateful("ConvLSTM2D", stateful);
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(recurrentActivation, "recurrent_activation");
    Objects.requireNonNull(kernelInitializer, "kernel_initializer");
    Objects.requireNonNull(recurrentInitializer, "recurrent_initializer");
    Objects.requireNonNull(biasInitializer, "bias_initializer");
    if (filters <= 0) {
      throw new IllegalArgumentException(
          "Invalid value for argument `filters`. Expected a strictly positive value. Received"
              + " filters="
              + filters
              + ".");
    }
    kernelSize = pair("kernel_size", kernelSize, false);
    strides = pair("strides", strides, true);
    dilationRate = pair("dilation_rate", dilationRate, false);
    padding = Objects.requireNonNull(padding, "padding").toLowerCase(Locale.ROOT);
    if (!padding.equals("valid") && !padding.equals("same")) {
      throw new IllegalArgumentException(
          "The `padding` argument must be one of \"valid\", \"same\". Received: padding="
              + padding);
    }
    dataFormat = dataFormat == null ? CHANNELS_LAST : dataFormat.toLowerCase(Locale.ROOT);
    if (!dataFormat.equals(CHANNELS_LAST) && !dataFormat.equals(CHANNELS_FIRST)) {
      throw new IllegalArgumentException(
          "The `data_format` argument must be one of {'channels_first', 'channels_last'}."
              + " Received: data_format="
              + dataFormat);
    }
    if (Collections.max(strides) > 1 && Collections.max(dilationRate) > 1) {
      throw new IllegalArgumentException(
          "Specifying `strides > 1` is not compatible with `dilation_rate > 1`. Please provide"
              + " `strides=1` or `dilation_rate=1`. Received: strides="
              + strides
              + " and dilation_rate="
              + dilationRate);
    }
    dropout = RecurrentLayer.clipRate(dropout);
    recurrentDropout = RecurrentLayer.clipRate(recurrentDropout);
  }

  static final String CHANNELS_LAST = "channels_last";
  static final String CHANNELS_FIRST = "channels_first";

  /** Keras' {@code standardize_tuple} for two spatial dimensions. */
  private static List<Integer> pair(String name, List<Integer> values, boolean allowZero) {
    if (values == null || values.size() != 2 || values.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "The `"
              + name
              + "` argument must be a tuple of 2 integers. Received "
              + name
              + "="
              + values);
    }
    for (int v : values) {
      if (allowZero ? v < 0 : v <= 0) {
        throw new IllegalArgumentException(
            "The `"
                + name
                + "` argument must be a tuple of 2 integers, each "
                + (allowZero ? ">= 0" : "> 0")
                + ". Received "
                + name
                + "="
                + values);
      }
    }
    return List.copyOf(values);
  }

  /** Whether the channels come before the spatial dimensions. */
  public boolean channelsFirst() {
    return dataFormat.equals(CHANNELS_FIRST);
  }

  public static Builder builder(int filters, int kernelSize) {
    return new Builder().filters(filters).kernelSize(kernelSize, kernelSize);
  }

  public Builder toBuilder() {
    return new Builder()
        .returnSequences(returnSequences)
        .returnState(returnState)
        .goBackwards(goBackwards)
        .stateful(stateful)
        .unroll(unroll)
        .zeroOutputForMask(zeroOutputForMask)
        .filters(filters)
        .kernelSize(kernelSize.get(0), kernelSize.get(1))
        .strides(strides.get(0), strides.get(1))
        .padding(padding)
        .dataFormat(dataFormat)
        .dilationRate(dilationRate.get(0), dilationRate.get(1))
        .activation(activation)
        .recurrentActivation(recurrentActivation)
        .useBias(useBias)
        .kernelInitializer(kernelInitializer)
        .recurrentInitializer(recurrentInitializer)
        .biasInitializer(biasInitializer)
        .unitForgetBias(unitForgetBias)
        .kernelRegularizer(kernelRegularizer)
        .recurrentRegularizer(recurrentRegularizer)
        .biasRegularizer(biasRegularizer)
        .activityRegularizer(activityRegularizer)
        .kernelConstraint(kernelConstraint)
        .recurrentConstraint(recurrentConstraint)
        .biasConstraint(biasConstraint)
        .dropout(dropout)
        .recurrentDropout(recurrentDropout)
        .seed(seed);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends RecurrentLayerBuilder<Builder> {
    private int filters;
    private List<Integer> kernelSize = List.of();
    private List<Integer> strides = List.of(1, 1);
    private String padding = "valid";
    private @Nullable String dataFormat;
    private List<Integer> dilationRate = List.of(1, 1);
    private Activation recurrentActivation = BuiltinActivation.SIGMOID;
    private boolean unitForgetBias = true;

    @JsonProperty("filters")
    public Builder filters(int filters) {
      this.filters = filters;
      return this;
    }

    public Builder kernelSize(int rows, int columns) {
      this.kernelSize = List.of(rows, columns);
      return this;
    }

    /** Keras' forms: an int for both dimensions, or a pair. */
    @JsonProperty("kernel_size")
    Builder kernelSizeFromJson(JsonNode kernelSize) {
      this.kernelSize = ints(kernelSize);
      return this;
    }

    public Builder strides(int rows, int columns) {
      this.strides = List.of(rows, columns);
      return this;
    }

    @JsonProperty("strides")
    Builder stridesFromJson(JsonNode strides) {
      this.strides = ints(strides);
      return this;
    }

    /** {@code "valid"} or {@code "same"}. */
    @JsonProperty("padding")
    public Builder padding(String padding) {
      this.padding = padding;
      return this;
    }

    /** {@code null} (Keras' {@code None}) means {@code channels_last}. */
    @JsonProperty("data_format")
    public Builder dataFormat(@Nullable String dataFormat) {
      this.dataFormat = dataFormat;
      return this;
    }

    public Builder dilationRate(int rows, int columns) {
      this.dilationRate = List.of(rows, columns);
      return this;
    }

    @JsonProperty("dilation_rate")
    Builder dilationRateFromJson(JsonNode dilationRate) {
      this.dilationRate = ints(dilationRate);
      return this;
    }

    /** An int stands for the same value on both dimensions. */
    private static List<Integer> ints(JsonNode n) {
      if (n.isIntegralNumber()) return Arrays.asList(n.asInt(), n.asInt());
      List<Integer> out = new ArrayList<>();
      for (JsonNode e : n) out.add(e.isIntegralNumber() ? e.asInt() : null);
      return out;
    }

    /** {@code null} (as Keras' {@code recurrent_activation=None}) means linear. */
    @JsonProperty("recurrent_activation")
    public Builder recurrentActivation(@Nullable Activation recurrentActivation) {
      this.recurrentActivation =
          recurrentActivation == null ? BuiltinActivation.LINEAR : recurrentActivation;
      return this;
    }

    @JsonProperty("unit_forget_bias")
    public Builder unitForgetBias(boolean unitForgetBias) {
      this.unitForgetBias = unitForgetBias;
      return this;
    }

    public ConvLSTM2DConfig build() {
      RecurrentLayer.requireBatchMajor("ConvLSTM2D", timeMajor);
      return new ConvLSTM2DConfig(
          returnSequences,
          returnState,
          goBackwards,
          stateful,
          unroll,
          zeroOutputForMask,
          filters,
          kernelSize,
          strides,
          padding,
          dataFormat,
          dilationRate,
          activation,
          recurrentActivation,
          useBias,
          kernelInitializer,
          recurrentInitializer,
          biasInitializer,
          unitForgetBias,
          kernelRegularizer,
          recurrentRegularizer,
          biasRegularizer,
          activityRegularizer,
          kernelConstraint,
          recurrentConstraint,
          biasConstraint,
          dropout,
          recurrentDropout,
          seed);
    }
  }
}

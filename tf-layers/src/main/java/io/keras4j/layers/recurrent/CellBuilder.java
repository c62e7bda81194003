package io.keras4j.layers.recurrent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.activations.Activation;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Orthogonal;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;
import org.jspecify.annotations.Nullable;

/**
 * The settings every recurrent cell of Keras takes, and so every layer that runs one, with Keras'
 * defaults: activation, bias, the kernels' initializers, regularizers and constraints, dropout and
 * seed. The builders of the cell and layer configs extend it.
 *
 * @param <B> the concrete builder, which every setter returns
 */
public abstract class CellBuilder<B extends CellBuilder<B>> {

  Activation activation = BuiltinActivation.TANH;
  boolean useBias = true;
  Initializer kernelInitializer = new GlorotUniform();
  Initializer recurrentInitializer = new Orthogonal();
  Initializer biasInitializer = new Zeros();
  @Nullable Regularizer kernelRegularizer;
  @Nullable Regularizer recurrentRegularizer;
  @Nullable Regularizer biasRegularizer;
  @Nullable Constraint kernelConstraint;
  @Nullable Constraint recurrentConstraint;
  @Nullable Constraint biasConstraint;
  double dropout;
  double recurrentDropout;
  @Nullable Long seed;

  CellBuilder() {}

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

  @JsonProperty("kernel_initializer")
  public B kernelInitializer(Initializer kernelInitializer) {
    this.kernelInitializer = kernelInitializer;
    return self();
  }

  @JsonProperty("recurrent_initializer")
  public B recurrentInitializer(Initializer recurrentInitializer) {
    this.recurrentInitializer = recurrentInitializer;
    return self();
  }

  @JsonProperty("bias_initializer")
  public B biasInitializer(Initializer biasInitializer) {
    this.biasInitializer = biasInitializer;
    return self();
  }

  @JsonProperty("kernel_regularizer")
  public B kernelRegularizer(@Nullable Regularizer kernelRegularizer) {
    this.kernelRegularizer = kernelRegularizer;
    return self();
  }

  @JsonProperty("recurrent_regularizer")
  public B recurrentRegularizer(@Nullable Regularizer recurrentRegularizer) {
    this.recurrentRegularizer = recurrentRegularizer;
    return self();
  }

  @JsonProperty("bias_regularizer")
  public B biasRegularizer(@Nullable Regularizer biasRegularizer) {
    this.biasRegularizer = biasRegularizer;
    return self();
  }

  @JsonProperty("kernel_constraint")
  public B kernelConstraint(@Nullable Constraint kernelConstraint) {
    this.kernelConstraint = kernelConstraint;
    return self();
  }

  @JsonProperty("recurrent_constraint")
  public B recurrentConstraint(@Nullable Constraint recurrentConstraint) {
    this.recurrentConstraint = recurrentConstraint;
    return self();
  }

  @JsonProperty("bias_constraint")
  public B biasConstraint(@Nullable Constraint biasConstraint) {
    this.biasConstraint = biasConstraint;
    return self();
  }

  @JsonProperty("dropout")
  public B dropout(double dropout) {
    this.dropout = dropout;
    return self();
  }

  @JsonProperty("recurrent_dropout")
  public B recurrentDropout(double recurrentDropout) {
    this.recurrentDropout = recurrentDropout;
    return self();
  }

  @JsonProperty("seed")
  public B seed(@Nullable Long seed) {
    this.seed = seed;
    return self();
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }
}

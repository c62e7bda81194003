package io.keras4j.layers.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.activations.Activations;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Activation}: Keras' {@code Activation(activation)}.
 *
 * @param activation the function to apply; Keras has no default for it
 */
@JsonDeserialize(builder = ActivationConfig.Builder.class)
public record ActivationConfig(
    @JsonProperty("activation") io.keras4j.activations.Activation activation) {

  public ActivationConfig {
    if (activation == null) {
      throw new IllegalArgumentException(
          "Activation needs an `activation`, such as \"relu\". Received: activation=None");
    }
  }

  /** The activation of that Keras name, such as {@code "relu"}. */
  public static ActivationConfig of(String name) {
    return new ActivationConfig(Activations.get(name));
  }

  public static ActivationConfig of(io.keras4j.activations.Activation activation) {
    return new ActivationConfig(activation);
  }

  /** Keras' (absent) defaults, in one place for Java callers and for configs read from files. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private io.keras4j.activations.@Nullable Activation activation;

    @JsonProperty("activation")
    public Builder activation(io.keras4j.activations.@Nullable Activation activation) {
      this.activation = activation;
      return this;
    }

    public ActivationConfig build() {
      return new ActivationConfig(activation);
    }
  }
}

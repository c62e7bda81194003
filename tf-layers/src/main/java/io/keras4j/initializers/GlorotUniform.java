package io.keras4j.initializers;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * Uniform in {@code [-limit, limit]} with {@code limit = sqrt(6 / (fan_in + fan_out))}: Keras'
 * {@code keras.initializers.GlorotUniform}.
 */
public record GlorotUniform(
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("input_axes") @Nullable Object inputAxes,
    @JsonProperty("output_axes") @Nullable Object outputAxes)
    implements Initializer {

  public GlorotUniform() {
    this(null, null, null);
  }

  @Override
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    throw new UnsupportedOperationException("to be implemented");
  }
}

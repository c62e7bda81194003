package io.keras4j.initializers;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * Uniform in {@code [-limit, limit]} with {@code limit = sqrt(6 / (fan_in + fan_out))}: Keras'
 * {@code keras.initializers.GlorotUniform} (Glorot and Bengio, 2010), which is {@link
 * VarianceScaling} with {@code scale=1.0, mode="fan_avg", distribution="uniform"}.
 *
 * <p>Fans are Keras' (see {@link VarianceScaling}): for a convolution kernel {@code (k1, ..., in,
 * out)} both count the receptive field {@code k1 * ...}.
 *
 * <pre>{@code
 * Operand<TFloat32> kernel = new GlorotUniform(42L).call(tf, Shape.of(3, 3, 16, 32), TFloat32.class);
 * }</pre>
 *
 * @param seed seed of the draw; {@code null} draws a fresh seed at every call
 * @param inputAxes axes whose product is the fan-in, used with {@code outputAxes} only
 * @param outputAxes axes whose product is the fan-out, used with {@code inputAxes} only
 */
public record GlorotUniform(
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("input_axes") @Nullable List<Integer> inputAxes,
    @JsonProperty("output_axes") @Nullable List<Integer> outputAxes)
    implements Initializer {

  public GlorotUniform {
    inputAxes = inputAxes == null ? null : List.copyOf(inputAxes);
    outputAxes = outputAxes == null ? null : List.copyOf(outputAxes);
  }

  /** Unseeded, with Keras' fans. */
  public GlorotUniform() {
    this(null, null, null);
  }

  /** Seeded, with Keras' fans. */
  public GlorotUniform(@Nullable Long seed) {
    this(seed, null, null);
  }

  /** The {@link VarianceScaling} this initializer is. */
  public VarianceScaling asVarianceScaling() {
    return new VarianceScaling(seed, 1.0, "fan_avg", "uniform", inputAxes, outputAxes);
  }

  @Override
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    return asVarianceScaling().call(tf, shape, dtype);
  }
}

package io.keras4j.initializers;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * Truncated normal with standard deviation {@code sqrt(1 / fan_in)} after truncation: Keras' {@code
 * keras.initializers.LecunNormal} (Klambauer et al., 2017), which is {@link VarianceScaling} with
 * {@code scale=1.0, mode="fan_in", distribution="truncated_normal"}.
 *
 * <p>Fans are Keras' (see {@link VarianceScaling}): for a convolution kernel {@code (k1, ..., in,
 * out)} both count the receptive field {@code k1 * ...}.
 *
 * <pre>{@code
 * Operand<TFloat32> kernel = new LecunNormal(42L).call(tf, Shape.of(3, 3, 16, 32), TFloat32.class);
 * }</pre>
 *
 * @param seed seed of the draw; {@code null} draws a fresh seed at every call
 * @param inputAxes axes whose product is the fan-in, used with {@code outputAxes} only
 * @param outputAxes axes whose product is the fan-out, used with {@code inputAxes} only
 */
public record LecunNormal(
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("input_axes") @Nullable List<Integer> inputAxes,
    @JsonProperty("output_axes") @Nullable List<Integer> outputAxes)
    implements Initializer {

  public LecunNormal {
    inputAxes = inputAxes == null ? null : List.copyOf(inputAxes);
    outputAxes = outputAxes == null ? null : List.copyOf(outputAxes);
  }

  /** Unseeded, with Keras' fans. */
  public LecunNormal() {
    this(null, null, null);
  }

  /** Seeded, with Keras' fans. */
  public LecunNormal(@Nullable Long seed) {
    this(seed, null, null);
  }

  /** The {@link VarianceScaling} this initializer is. */
  public VarianceScaling asVarianceScaling() {
    return new VarianceScaling(seed, 1.0, "fan_in", "truncated_normal", inputAxes, outputAxes);
  }

  @Override
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    return asVarianceScaling().call(tf, shape, dtype);
  }
}

package io.keras4j.constraints;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * Rescales the slices of a weight whose L2 norm along {@code axis} exceeds {@code max_value} to
 * that norm: {@code w * clip(norms, 0, max_value) / (1e-7 + norms)}, Keras' {@code
 * keras.constraints.MaxNorm}.
 *
 * <p>For a {@code Dense} kernel {@code (input_dim, units)}, {@code axis=0} constrains the weights
 * into each unit; for a {@code Conv2D} kernel {@code (rows, cols, in, out)}, {@code axis=[0, 1, 2]}
 * constrains each filter. {@code axis} is written as Keras wrote it, an integer for a single axis.
 *
 * <pre>{@code
 * Operand<TFloat32> projected = new MaxNorm(3, 0).call(tf, kernel);
 * }</pre>
 *
 * @param maxValue the largest norm kept (Keras' default 2)
 * @param axis the axes the norms are computed over (Keras' default 0)
 */
@JsonDeserialize(builder = MaxNorm.Builder.class)
public record MaxNorm(
    @JsonProperty("max_value") double maxValue,
    @JsonProperty("axis") @JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
        List<Integer> axis)
    implements Constraint {

  public MaxNorm {
    axis = Norms.axis("MaxNorm", axis);
  }

  /** Keras' defaults: {@code max_value=2, axis=0}. */
  public MaxNorm() {
    this(new Builder());
  }

  /** A single axis. */
  public MaxNorm(double maxValue, int axis) {
    this(maxValue, List.of(axis));
  }

  private MaxNorm(Builder b) {
    this(b.maxValue, b.axis);
  }

  @Override
  public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> w) {
    Operand<T> norms = Norms.of(tf, w, axis);
    Operand<T> desired =
        tf.clipByValue(norms, tf.constantOfSameType(w, 0), tf.constantOfSameType(w, maxValue));
    return Norms.rescale(tf, w, desired, norms);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double maxValue = 2;
    private List<Integer> axis = List.of(0);

    private Builder() {}

    @JsonProperty("max_value")
    public Builder maxValue(double maxValue) {
      this.maxValue = maxValue;
      return this;
    }

    @JsonProperty("axis")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public Builder axis(List<Integer> axis) {
      this.axis = axis;
      return this;
    }

    public MaxNorm build() {
      return new MaxNorm(this);
    }
  }
}

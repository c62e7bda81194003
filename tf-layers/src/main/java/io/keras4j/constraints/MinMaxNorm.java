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
 * Moves the L2 norms of a weight's slices along {@code axis} towards {@code [min_value,
 * max_value]}: with {@code desired = rate * clip(norms, min_value, max_value) + (1 - rate) *
 * norms}, the weight becomes {@code w * desired / (1e-7 + norms)}. Keras' {@code
 * keras.constraints.MinMaxNorm}; {@code rate=1} enforces the interval strictly.
 *
 * <pre>{@code
 * Operand<TFloat32> projected = new MinMaxNorm(0.5, 2.0, 1.0, 0).call(tf, kernel);
 * }</pre>
 *
 * @param minValue the smallest norm (Keras' default 0)
 * @param maxValue the largest norm (Keras' default 1)
 * @param rate how far towards the interval each call moves the norms (Keras' default 1)
 * @param axis the axes the norms are computed over (Keras' default 0)
 */
@JsonDeserialize(builder = MinMaxNorm.Builder.class)
public record MinMaxNorm(
    @JsonProperty("min_value") double minValue,
    @JsonProperty("max_value") double maxValue,
    @JsonProperty("rate") double rate,
    @JsonProperty("axis") @JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
        List<Integer> axis)
    implements Constraint {

  public MinMaxNorm {
    axis = Norms.axis("MinMaxNorm", axis);
  }

  /** Keras' defaults: {@code min_value=0, max_value=1, rate=1, axis=0}. */
  public MinMaxNorm() {
    this(new Builder());
  }

  /** A single axis. */
  public MinMaxNorm(double minValue, double maxValue, double rate, int axis) {
    this(minValue, maxValue, rate, List.of(axis));
  }

  private MinMaxNorm(Builder b) {
    this(b.minValue, b.maxValue, b.rate, b.axis);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> w) {
    Operand<T> norms = Norms.of(tf, w, axis);
    Operand<T> clipped =
        tf.clipByValue(
            norms, tf.constantOfSameType(w, minValue), tf.constantOfSameType(w, maxValue));
    Operand<T> desired =
        tf.math.add(
            tf.math.mul(tf.constantOfSameType(w, rate), clipped),
            tf.math.mul(tf.constantOfSameType(w, 1 - rate), norms));
    return Norms.rescale(tf, w, desired, norms);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double minValue = 0.0;
    private double maxValue = 1.0;
    private double rate = 1.0;
    private List<Integer> axis = List.of(0);

    private Builder() {}

    @JsonProperty("min_value")
    public Builder minValue(double minValue) {
      this.minValue = minValue;
      return this;
    }

    @JsonProperty("max_value")
    public Builder maxValue(double maxValue) {
      this.maxValue = maxValue;
      return this;
    }

    @JsonProperty("rate")
    public Builder rate(double rate) {
      this.rate = rate;
      return this;
    }

    @JsonProperty("axis")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public Builder axis(List<Integer> axis) {
      this.axis = axis;
      return this;
    }

    public MinMaxNorm build() {
      return new MinMaxNorm(this);
    }
  }
}

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
 * Rescales the slices of a weight along {@code axis} to unit L2 norm: {@code w / (1e-7 + norms)},
 * Keras' {@code keras.constraints.UnitNorm}. The epsilon is added to the norm, as in Keras, so
 * norms come out just below 1.
 *
 * <pre>{@code
 * Operand<TFloat32> projected = new UnitNorm(1).call(tf, kernel);
 * }</pre>
 *
 * @param axis the axes the norms are computed over (Keras' default 0)
 */
@JsonDeserialize(builder = UnitNorm.Builder.class)
public record UnitNorm(
    @JsonProperty("axis") @JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
        List<Integer> axis)
    implements Constraint {

  public UnitNorm {
    axis = Norms.axis("UnitNorm", axis);
  }

  /** Keras' default: {@code axis=0}. */
  public UnitNorm() {
    this(new Builder());
  }

  /** A single axis. */
  public UnitNorm(int axis) {
    this(List.of(axis));
  }

  private UnitNorm(Builder b) {
    this(b.axis);
  }

  @Override
  public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> w) {
    Operand<T> norms = Norms.of(tf, w, axis);
    return tf.math.div(w, tf.math.add(tf.constantOfSameType(w, Norms.EPSILON), norms));
  }

  /** Keras' default, in one place for Java callers and for configs that omit the key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private List<Integer> axis = List.of(0);

    private Builder() {}

    @JsonProperty("axis")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public Builder axis(List<Integer> axis) {
      this.axis = axis;
      return this;
    }

    public UnitNorm build() {
      return new UnitNorm(this);
    }
  }
}

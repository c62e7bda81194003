package io.keras4j.initializers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.layers.DTypePolicy;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * {@code gain} times the identity matrix, rectangular for a non-square shape: Keras' {@code
 * keras.initializers.Identity}. Only for 2-D weights.
 *
 * <p>Keras writes this initializer's config as {@code {}}, dropping {@code gain}; this record
 * writes {@code gain} only when it is not 1, which Keras reads back.
 *
 * <pre>{@code
 * Operand<TFloat32> w = new Identity().call(tf, Shape.of(4, 4), TFloat32.class);
 * }</pre>
 *
 * @param gain factor applied to the identity matrix
 */
@JsonDeserialize(builder = Identity.Builder.class)
public record Identity(
    @JsonProperty("gain")
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DefaultGain.class)
        double gain)
    implements Initializer {

  /** Keras' default: {@code gain=1.0}. */
  public Identity() {
    this(new Builder());
  }

  private Identity(Builder b) {
    this(b.gain);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    if (shape.numDimensions() != 2) {
      throw new IllegalArgumentException(
          "Identity: the identity matrix initializer can only be used for 2D matrices. Received:"
              + " shape="
              + shape
              + " of rank "
              + shape.numDimensions());
    }
    if (!TNumber.class.isAssignableFrom(dtype)) {
      throw new IllegalArgumentException(
          "Identity needs a numeric dtype, received " + DTypePolicy.kerasName(dtype));
    }
    return (Operand<T>) eye(tf, shape, (Class<? extends TNumber>) dtype);
  }

  private <N extends TNumber> Operand<N> eye(Ops tf, Shape shape, Class<N> dtype) {
    long rows = shape.get(0);
    long cols = shape.get(1);
    Operand<N> ones = tf.ones(tf.constant(new long[] {Math.min(rows, cols)}), dtype);
    Operand<N> eye =
        tf.linalg.matrixDiagV3(
            ones,
            tf.constant(0),
            tf.constant(Math.toIntExact(rows)),
            tf.constant(Math.toIntExact(cols)),
            tf.constant(dtype, 0));
    return tf.math.mul(tf.constant(dtype, gain), eye);
  }

  /** Keras' default, in one place for Java callers and for configs that omit the key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double gain = 1.0;

    private Builder() {}

    @JsonProperty("gain")
    public Builder gain(double gain) {
      this.gain = gain;
      return this;
    }

    public Identity build() {
      return new Identity(this);
    }
  }

  /** Leaves the default gain out of the JSON: Jackson omits a value this filter {@code equals}. */
  static final class DefaultGain {
    @Override
    public boolean equals(Object value) {
      return value instanceof Double d && d == 1.0;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }
}

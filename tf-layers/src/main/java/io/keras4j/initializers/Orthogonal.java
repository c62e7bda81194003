package io.keras4j.initializers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.Qr;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * A (semi-)orthogonal matrix times {@code gain}: Keras' {@code keras.initializers.Orthogonal}.
 *
 * <p>The weight is viewed as a matrix of {@code rows = shape[0] * ... * shape[n-2]} by {@code cols
 * = shape[n-1]}. A standard normal matrix of {@code (max(rows, cols), min(rows, cols))} is factored
 * as {@code Q R}; {@code Q}'s columns are multiplied by the signs of {@code R}'s diagonal (which
 * makes the distribution uniform), transposed when {@code rows < cols}, reshaped to the weight's
 * shape and multiplied by {@code gain}. The result has orthonormal columns when {@code rows >=
 * cols} and orthonormal rows otherwise (before the gain).
 *
 * <pre>{@code
 * Operand<TFloat32> w = new Orthogonal(7L, 1.0).call(tf, Shape.of(8, 8), TFloat32.class);
 * }</pre>
 *
 * @param seed seed of the normal draw; {@code null} draws a fresh seed at every call
 * @param gain factor applied to the orthogonal matrix
 */
@JsonDeserialize(builder = Orthogonal.Builder.class)
public record Orthogonal(
    @JsonProperty("seed") @Nullable Long seed, @JsonProperty("gain") double gain)
    implements Initializer {

  /** Keras' defaults: {@code gain=1.0}, unseeded. */
  public Orthogonal() {
    this(new Builder());
  }

  private Orthogonal(Builder b) {
    this(b.seed, b.gain);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    int rank = shape.numDimensions();
    if (rank < 2) {
      throw new IllegalArgumentException(
          "Orthogonal: the tensor to initialize must be at least two-dimensional. Received: shape="
              + shape
              + " of rank "
              + rank);
    }
    long rows = 1;
    for (int i = 0; i < rank - 1; i++) {
      rows *= shape.get(i);
    }
    long cols = shape.get(rank - 1);
    Operand<T> a =
        StatelessRandom.normal(
            tf,
            Shape.of(Math.max(rows, cols), Math.min(rows, cols)),
            dtype,
            seed,
            0.0,
            1.0,
            "Orthogonal");
    return (Operand<T>) orthogonalize(tf, (Operand<? extends TFloating>) a, shape, rows < cols);
  }

  private <F extends TFloating> Operand<F> orthogonalize(
      Ops tf, Operand<F> a, Shape shape, boolean transpose) {
    Qr<F> qr = tf.linalg.qr(a);
    Operand<F> d = tf.linalg.tensorDiagPart(qr.r());
    Operand<F> q = tf.math.mul(qr.q(), tf.math.sign(d));
    if (transpose) {
      q = tf.linalg.transpose(q, tf.constant(new int[] {1, 0}));
    }
    return tf.math.mul(tf.constantOfSameType(q, gain), tf.reshape(q, tf.constant(shape)));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Long seed;
    private double gain = 1.0;

    private Builder() {}

    @JsonProperty("seed")
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    @JsonProperty("gain")
    public Builder gain(double gain) {
      this.gain = gain;
      return this;
    }

    public Orthogonal build() {
      return new Orthogonal(this);
    }
  }
}

package io.keras4j.regularizers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * The sum of the L1 and L2 penalties {@code l1 * sum(|x|) + l2 * sum(x²)}: Keras' {@code
 * keras.regularizers.L1L2}. A zero factor leaves its term out.
 *
 * <p>Both factors default to 0, as in Keras' code (its docstring's 0.01 for the string {@code
 * "l1_l2"} is out of date).
 *
 * <pre>{@code
 * Operand<TFloat32> penalty = new L1L2(0.01, 0.001).call(tf, kernel);
 * }</pre>
 *
 * @param l1 the L1 factor, finite and non-negative
 * @param l2 the L2 factor, finite and non-negative
 */
@JsonDeserialize(builder = L1L2.Builder.class)
public record L1L2(@JsonProperty("l1") double l1, @JsonProperty("l2") double l2)
    implements Regularizer {

  public L1L2 {
    Penalties.factor("L1L2", "l1", l1);
    Penalties.factor("L1L2", "l2", l2);
  }

  /** Keras' defaults: {@code l1=0.0, l2=0.0}. */
  public L1L2() {
    this(new Builder());
  }

  private L1L2(Builder b) {
    this(b.l1, b.l2);
  }

  @Override
  public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
    Operand<T> penalty = tf.constantOfSameType(x, 0);
    if (l1 != 0.0) {
      penalty =
          tf.math.add(
              penalty, tf.math.mul(tf.constantOfSameType(x, l1), Penalties.sumOfAbs(tf, x)));
    }
    if (l2 != 0.0) {
      penalty =
          tf.math.add(
              penalty, tf.math.mul(tf.constantOfSameType(x, l2), Penalties.sumOfSquares(tf, x)));
    }
    return penalty;
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double l1 = 0.0;
    private double l2 = 0.0;

    private Builder() {}

    /** {@code null}, as Keras' {@code l1=None}, means 0. */
    @JsonProperty("l1")
    public Builder l1(@Nullable Double l1) {
      this.l1 = l1 == null ? 0.0 : l1;
      return this;
    }

    /** {@code null}, as Keras' {@code l2=None}, means 0. */
    @JsonProperty("l2")
    public Builder l2(@Nullable Double l2) {
      this.l2 = l2 == null ? 0.0 : l2;
      return this;
    }

    public L1L2 build() {
      return new L1L2(this);
    }
  }
}

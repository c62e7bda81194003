package io.keras4j.regularizers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * The L2 penalty {@code l2 * sum(x²)}: Keras' {@code keras.regularizers.L2}.
 *
 * <pre>{@code
 * Operand<TFloat32> penalty = new L2(0.01).call(tf, kernel);
 * }</pre>
 *
 * @param l2 the factor, finite and non-negative (Keras' default 0.01)
 */
@JsonDeserialize(builder = L2.Builder.class)
public record L2(@JsonProperty("l2") double l2) implements Regularizer {

  public L2 {
    Penalties.factor("L2", "l2", l2);
  }

  /** Keras' default: {@code l2=0.01}. */
  public L2() {
    this(new Builder());
  }

  private L2(Builder b) {
    this(b.l2);
  }

  @Override
  public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
    return tf.math.mul(tf.constantOfSameType(x, l2), Penalties.sumOfSquares(tf, x));
  }

  /** Keras' default, in one place for Java callers and for configs that omit the key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double l2 = 0.01;

    private Builder() {}

    /** {@code null}, as Keras' {@code l2=None}, means the default. */
    @JsonProperty("l2")
    public Builder l2(@Nullable Double l2) {
      this.l2 = l2 == null ? 0.01 : l2;
      return this;
    }

    public L2 build() {
      return new L2(this);
    }
  }
}

package io.keras4j.regularizers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * The L1 penalty {@code l1 * sum(|x|)}: Keras' {@code keras.regularizers.L1}.
 *
 * <p>Keras keeps {@code l1} as a float32 tensor, so {@code L1(0.1)} computes with and writes {@code
 * 0.10000000149011612}; this record rounds {@code l1} to float32 the same way.
 *
 * <pre>{@code
 * Operand<TFloat32> penalty = new L1(0.01).call(tf, kernel);
 * }</pre>
 *
 * @param l1 the factor, finite and non-negative (Keras' default 0.01)
 */
@JsonDeserialize(builder = L1.Builder.class)
public record L1(@JsonProperty("l1") double l1) implements Regularizer {

  public L1 {
    // Keras parity: L1 stores its factor as a float32 tensor and writes float(tensor).
    l1 = (float) Penalties.factor("L1", "l1", l1);
  }

  /** Keras' default: {@code l1=0.01}. */
  public L1() {
    this(new Builder());
  }

  private L1(Builder b) {
    this(b.l1);
  }

  @Override
  public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
    return tf.math.mul(tf.constantOfSameType(x, l1), Penalties.sumOfAbs(tf, x));
  }

  /** Keras' default, in one place for Java callers and for configs that omit the key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double l1 = 0.01;

    private Builder() {}

    /** {@code null}, as Keras' {@code l1=None}, means the default. */
    @JsonProperty("l1")
    public Builder l1(@Nullable Double l1) {
      this.l1 = l1 == null ? 0.01 : l1;
      return this;
    }

    public L1 build() {
      return new L1(this);
    }
  }
}

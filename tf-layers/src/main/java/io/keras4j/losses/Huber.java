package io.keras4j.losses;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.losses.Reduction.SameRank;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The Huber loss, quadratic for small errors and linear for large ones: Keras' {@code
 * keras.losses.Huber}.
 *
 * <p>With {@code x = y_pred - y_true}, {@code loss = mean(0.5 x^2 if |x| <= delta else delta |x| -
 * 0.5 delta^2, axis=-1)}. Predictions {@code (batch, ..., d)} give losses {@code (batch, ...)}.
 *
 * <pre>{@code
 * Loss huber = Huber.builder().delta(0.5).build();
 * Operand<TFloat32> value = huber.apply(tf, yTrue, yPred, null);
 * }</pre>
 *
 * @param delta where the loss turns from quadratic to linear (Keras' default 1.0)
 */
@JsonDeserialize(builder = Huber.Builder.class)
public record Huber(
    @JsonProperty("name") String name,
    @JsonProperty("reduction") @Nullable String reduction,
    @JsonProperty("delta") double delta)
    implements Loss {

  public Huber {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /** Keras' defaults: {@code delta=1.0, name="huber_loss", reduction="sum_over_batch_size"}. */
  public Huber() {
    this(new Builder());
  }

  private Huber(Builder b) {
    this(b.name, b.reduction, b.delta);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Operand<T> d = tf.constant(yPred.type(), delta);
    Operand<T> half = tf.constant(yPred.type(), 0.5);
    Operand<T> error = tf.math.sub(y.second(), y.first());
    Operand<T> absError = tf.math.abs(error);
    Operand<T> quadratic = tf.math.mul(half, tf.math.square(error));
    Operand<T> linear = tf.math.sub(tf.math.mul(d, absError), tf.math.mul(half, tf.math.square(d)));
    return tf.math.mean(
        tf.select(tf.math.lessEqual(absError, d), quadratic, linear), Targets.last(tf));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private double delta = 1.0;

    private Builder() {
      super("huber_loss");
    }

    @JsonProperty("delta")
    public Builder delta(double delta) {
      this.delta = delta;
      return this;
    }

    public Huber build() {
      return new Huber(this);
    }
  }
}

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
 * The categorical hinge loss: Keras' {@code keras.losses.CategoricalHinge}.
 *
 * <p>{@code loss = maximum(neg - pos + 1, 0)} with {@code pos = sum(y_true * y_pred, axis=-1)} and
 * {@code neg = max((1 - y_true) * y_pred, axis=-1)}, for one-hot (or {@code -1}/{@code 1}) targets.
 * Predictions {@code (batch, ..., classes)} give losses {@code (batch, ...)}.
 *
 * <pre>{@code
 * Loss categoricalHinge = new CategoricalHinge();
 * Operand<TFloat32> value = categoricalHinge.apply(tf, oneHot, yPred, null);
 * }</pre>
 */
@JsonDeserialize(builder = CategoricalHinge.Builder.class)
public record CategoricalHinge(
    @JsonProperty("name") String name, @JsonProperty("reduction") @Nullable String reduction)
    implements Loss {

  public CategoricalHinge {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /** Keras' defaults: {@code name="categorical_hinge", reduction="sum_over_batch_size"}. */
  public CategoricalHinge() {
    this(new Builder());
  }

  private CategoricalHinge(Builder b) {
    this(b.name, b.reduction);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Operand<T> one = tf.constant(yPred.type(), 1);
    Operand<T> pos = tf.sum(tf.math.mul(y.first(), y.second()), Targets.last(tf));
    Operand<T> neg = tf.max(tf.math.mul(tf.math.sub(one, y.first()), y.second()), Targets.last(tf));
    return tf.math.maximum(tf.math.add(tf.math.sub(neg, pos), one), tf.zerosLike(pos));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private Builder() {
      super("categorical_hinge");
    }

    public CategoricalHinge build() {
      return new CategoricalHinge(this);
    }
  }
}

package io.keras4j.losses;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The Tversky loss of image segmentation (Salehi et al., 2017): Keras' {@code
 * keras.losses.Tversky}.
 *
 * <p>Over every value of the batch (one loss per batch), with {@code t = y_true} and {@code p =
 * y_pred}: {@code loss = 1 - sum(t p) / (sum(t p) + alpha sum((1 - p) t) + beta sum(p (1 - t)) +
 * 1e-7)}, the terms named and weighted as Keras weighs them. {@code alpha = beta = 0.5} gives the
 * Dice loss.
 *
 * @param alpha the weight of {@code sum((1 - y_pred) y_true)} (Keras' default 0.5)
 * @param beta the weight of {@code sum(y_pred (1 - y_true))} (Keras' default 0.5)
 */
@JsonDeserialize(builder = Tversky.Builder.class)
public record Tversky(
    @JsonProperty("name") String name,
    @JsonProperty("reduction") @Nullable String reduction,
    @JsonProperty("alpha") double alpha,
    @JsonProperty("beta") double beta)
    implements Loss {

  public Tversky {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /**
   * Keras' defaults: {@code alpha=0.5, beta=0.5, name="tversky", reduction="sum_over_batch_size"}.
   */
  public Tversky() {
    this(new Builder());
  }

  private Tversky(Builder b) {
    this(b.name, b.reduction, b.alpha, b.beta);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    Class<T> type = yPred.type();
    Operand<TInt32> flat = tf.constant(new int[] {-1});
    Operand<T> t = tf.reshape(tf.dtypes.cast(yTrue, type), flat);
    Operand<T> p = tf.reshape(yPred, flat);
    Operand<TInt32> all = tf.constant(0);
    Operand<T> one = tf.constant(type, 1.0);
    Operand<T> intersection = tf.sum(tf.math.mul(t, p), all);
    Operand<T> fp = tf.sum(tf.math.mul(tf.math.sub(one, p), t), all);
    Operand<T> fn = tf.sum(tf.math.mul(p, tf.math.sub(one, t)), all);
    Operand<T> denominator =
        tf.math.add(
            tf.math.add(
                tf.math.add(intersection, tf.math.mul(fp, tf.constant(type, alpha))),
                tf.math.mul(fn, tf.constant(type, beta))),
            tf.constant(type, Losses.EPSILON));
    return tf.math.sub(one, tf.math.div(intersection, denominator));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private double alpha = 0.5;
    private double beta = 0.5;

    private Builder() {
      super("tversky");
    }

    @JsonProperty("alpha")
    public Builder alpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    @JsonProperty("beta")
    public Builder beta(double beta) {
      this.beta = beta;
      return this;
    }

    public Tversky build() {
      return new Tversky(this);
    }
  }
}

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
 * The Kullback-Leibler divergence of the predictions from the targets: Keras' {@code
 * keras.losses.KLDivergence}.
 *
 * <p>{@code loss = sum(t * log(t / p), axis=-1)} with {@code t = clip(y_true, eps, 1)} and {@code p
 * = clip(y_pred, eps, 1)}, {@code eps = 1e-7}. Predictions {@code (batch, ..., classes)} give
 * losses {@code (batch, ...)}.
 *
 * <pre>{@code
 * Loss kld = new KLDivergence();
 * Operand<TFloat32> value = kld.apply(tf, yTrue, yPred, null);
 * }</pre>
 */
@JsonDeserialize(builder = KLDivergence.Builder.class)
public record KLDivergence(
    @JsonProperty("name") String name, @JsonProperty("reduction") @Nullable String reduction)
    implements Loss {

  public KLDivergence {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /** Keras' defaults: {@code name="kl_divergence", reduction="sum_over_batch_size"}. */
  public KLDivergence() {
    this(new Builder());
  }

  private KLDivergence(Builder b) {
    this(b.name, b.reduction);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Operand<T> eps = tf.constant(yPred.type(), Losses.EPSILON);
    Operand<T> one = tf.constant(yPred.type(), 1);
    Operand<T> t = tf.clipByValue(y.first(), eps, one);
    Operand<T> p = tf.clipByValue(y.second(), eps, one);
    return tf.sum(tf.math.mul(t, tf.math.log(tf.math.div(t, p))), Targets.last(tf));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private Builder() {
      super("kl_divergence");
    }

    public KLDivergence build() {
      return new KLDivergence(this);
    }
  }
}

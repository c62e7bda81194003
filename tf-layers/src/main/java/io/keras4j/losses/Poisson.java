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
 * The Poisson negative log-likelihood, up to a constant: Keras' {@code keras.losses.Poisson}.
 *
 * <p>{@code loss = mean(y_pred - y_true * log(y_pred + eps), axis=-1)} with {@code eps = 1e-7}.
 * Predictions {@code (batch, ..., d)} give losses {@code (batch, ...)}.
 *
 * <pre>{@code
 * Loss poisson = new Poisson();
 * Operand<TFloat32> value = poisson.apply(tf, counts, rates, null);
 * }</pre>
 */
@JsonDeserialize(builder = Poisson.Builder.class)
public record Poisson(
    @JsonProperty("name") String name, @JsonProperty("reduction") @Nullable String reduction)
    implements Loss {

  public Poisson {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /** Keras' defaults: {@code name="poisson", reduction="sum_over_batch_size"}. */
  public Poisson() {
    this(new Builder());
  }

  private Poisson(Builder b) {
    this(b.name, b.reduction);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Operand<T> eps = tf.constant(yPred.type(), Losses.EPSILON);
    Operand<T> log = tf.math.log(tf.math.add(y.second(), eps));
    return tf.math.mean(tf.math.sub(y.second(), tf.math.mul(y.first(), log)), Targets.last(tf));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private Builder() {
      super("poisson");
    }

    public Poisson build() {
      return new Poisson(this);
    }
  }
}

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
 * The mean logarithm of the hyperbolic cosine of the errors: Keras' {@code keras.losses.LogCosh}.
 *
 * <p>{@code loss = mean(x + softplus(-2 x) - log(2), axis=-1)} with {@code x = y_pred - y_true},
 * which is {@code log(cosh(x))} without overflow: about {@code x^2 / 2} for small errors and {@code
 * |x| - log(2)} for large ones. Predictions {@code (batch, ..., d)} give losses {@code (batch,
 * ...)}.
 *
 * <pre>{@code
 * Loss logCosh = new LogCosh();
 * Operand<TFloat32> value = logCosh.apply(tf, yTrue, yPred, null);
 * }</pre>
 */
@JsonDeserialize(builder = LogCosh.Builder.class)
public record LogCosh(
    @JsonProperty("name") String name, @JsonProperty("reduction") @Nullable String reduction)
    implements Loss {

  public LogCosh {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /** Keras' defaults: {@code name="log_cosh", reduction="sum_over_batch_size"}. */
  public LogCosh() {
    this(new Builder());
  }

  private LogCosh(Builder b) {
    this(b.name, b.reduction);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Operand<T> x = tf.math.sub(y.second(), y.first());
    Operand<T> softplus = tf.math.softplus(tf.math.mul(x, tf.constant(yPred.type(), -2)));
    Operand<T> log2 = tf.constant(yPred.type(), Math.log(2));
    return tf.math.mean(tf.math.sub(tf.math.add(x, softplus), log2), Targets.last(tf));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private Builder() {
      super("log_cosh");
    }

    public LogCosh build() {
      return new LogCosh(this);
    }
  }
}

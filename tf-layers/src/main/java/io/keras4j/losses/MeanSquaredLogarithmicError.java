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
 * The mean squared error of {@code log(1 + x)}: Keras' {@code
 * keras.losses.MeanSquaredLogarithmicError}.
 *
 * <p>{@code loss = mean(square(log(maximum(y_pred, eps) + 1) - log(maximum(y_true, eps) + 1)),
 * axis=-1)} with {@code eps = 1e-7}: predictions {@code (batch, ..., d)} give losses {@code (batch,
 * ...)}.
 *
 * <pre>{@code
 * Loss msle = new MeanSquaredLogarithmicError();
 * Operand<TFloat32> value = msle.apply(tf, yTrue, yPred, null);
 * }</pre>
 */
@JsonDeserialize(builder = MeanSquaredLogarithmicError.Builder.class)
public record MeanSquaredLogarithmicError(
    @JsonProperty("name") String name, @JsonProperty("reduction") @Nullable String reduction)
    implements Loss {

  public MeanSquaredLogarithmicError {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /**
   * Keras' defaults: {@code name="mean_squared_logarithmic_error",
   * reduction="sum_over_batch_size"}.
   */
  public MeanSquaredLogarithmicError() {
    this(new Builder());
  }

  private MeanSquaredLogarithmicError(Builder b) {
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
    Operand<T> first = tf.math.log(tf.math.add(tf.math.maximum(y.second(), eps), one));
    Operand<T> second = tf.math.log(tf.math.add(tf.math.maximum(y.first(), eps), one));
    return tf.math.mean(tf.math.square(tf.math.sub(first, second)), Targets.last(tf));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private Builder() {
      super("mean_squared_logarithmic_error");
    }

    public MeanSquaredLogarithmicError build() {
      return new MeanSquaredLogarithmicError(this);
    }
  }
}

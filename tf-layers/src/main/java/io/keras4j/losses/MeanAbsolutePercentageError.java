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
 * The mean absolute error in percent of the targets: Keras' {@code
 * keras.losses.MeanAbsolutePercentageError}.
 *
 * <p>{@code loss = 100 * mean(abs((y_true - y_pred) / maximum(abs(y_true), eps)), axis=-1)} with
 * {@code eps = 1e-7}: predictions {@code (batch, ..., d)} give losses {@code (batch, ...)}.
 *
 * <pre>{@code
 * Loss mape = new MeanAbsolutePercentageError();
 * Operand<TFloat32> value = mape.apply(tf, yTrue, yPred, null);
 * }</pre>
 */
@JsonDeserialize(builder = MeanAbsolutePercentageError.Builder.class)
public record MeanAbsolutePercentageError(
    @JsonProperty("name") String name, @JsonProperty("reduction") @Nullable String reduction)
    implements Loss {

  public MeanAbsolutePercentageError {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /**
   * Keras' defaults: {@code name="mean_absolute_percentage_error",
   * reduction="sum_over_batch_size"}.
   */
  public MeanAbsolutePercentageError() {
    this(new Builder());
  }

  private MeanAbsolutePercentageError(Builder b) {
    this(b.name, b.reduction);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Operand<T> scale =
        tf.math.maximum(tf.math.abs(y.first()), tf.constant(yPred.type(), Losses.EPSILON));
    Operand<T> diff = tf.math.abs(tf.math.div(tf.math.sub(y.first(), y.second()), scale));
    return tf.math.mul(tf.constant(yPred.type(), 100), tf.math.mean(diff, Targets.last(tf)));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private Builder() {
      super("mean_absolute_percentage_error");
    }

    public MeanAbsolutePercentageError build() {
      return new MeanAbsolutePercentageError(this);
    }
  }
}

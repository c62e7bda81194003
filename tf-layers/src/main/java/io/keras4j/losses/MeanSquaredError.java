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
 * The mean of squared errors over the last axis: Keras' {@code keras.losses.MeanSquaredError}.
 *
 * <p>{@code loss = mean(square(y_true - y_pred), axis=-1)}: predictions {@code (batch, ..., d)}
 * give losses {@code (batch, ...)}.
 *
 * <pre>{@code
 * Loss mse = new MeanSquaredError();
 * Operand<TFloat32> value = mse.apply(tf, yTrue, yPred, null);
 * }</pre>
 */
@JsonDeserialize(builder = MeanSquaredError.Builder.class)
public record MeanSquaredError(
    @JsonProperty("name") String name, @JsonProperty("reduction") @Nullable String reduction)
    implements Loss {

  public MeanSquaredError {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /** Keras' defaults: {@code name="mean_squared_error", reduction="sum_over_batch_size"}. */
  public MeanSquaredError() {
    this(new Builder());
  }

  private MeanSquaredError(Builder b) {
    this(b.name, b.reduction);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    return tf.math.mean(tf.math.square(tf.math.sub(y.first(), y.second())), Targets.last(tf));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private Builder() {
      super("mean_squared_error");
    }

    public MeanSquaredError build() {
      return new MeanSquaredError(this);
    }
  }
}

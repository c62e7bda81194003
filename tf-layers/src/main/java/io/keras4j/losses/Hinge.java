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
 * The hinge loss: Keras' {@code keras.losses.Hinge}.
 *
 * <p>{@code loss = mean(maximum(1 - y_true * y_pred, 0), axis=-1)}. Targets are {@code -1} or
 * {@code 1}; when every target of the batch is {@code 0} or {@code 1} they are first mapped to
 * {@code -1} and {@code 1}, as Keras does. Predictions {@code (batch, ..., d)} give losses {@code
 * (batch, ...)}.
 *
 * <pre>{@code
 * Loss hinge = new Hinge();
 * Operand<TFloat32> value = hinge.apply(tf, yTrue, yPred, null);
 * }</pre>
 */
@JsonDeserialize(builder = Hinge.Builder.class)
public record Hinge(
    @JsonProperty("name") String name, @JsonProperty("reduction") @Nullable String reduction)
    implements Loss {

  public Hinge {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /** Keras' defaults: {@code name="hinge", reduction="sum_over_batch_size"}. */
  public Hinge() {
    this(new Builder());
  }

  private Hinge(Builder b) {
    this(b.name, b.reduction);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Operand<T> margin = Targets.hingeMargin(tf, y.first(), y.second());
    return tf.math.mean(margin, Targets.last(tf));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private Builder() {
      super("hinge");
    }

    public Hinge build() {
      return new Hinge(this);
    }
  }
}

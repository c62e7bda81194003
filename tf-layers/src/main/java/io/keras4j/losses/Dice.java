package io.keras4j.losses;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The Dice loss of image segmentation: Keras' {@code keras.losses.Dice}.
 *
 * <p>{@code loss = 1 - 2 sum(y_true * y_pred, axis) / (sum(y_true, axis) + sum(y_pred, axis) +
 * 1e-7)}. With {@code axis} unset (Keras' default) the sums run over every axis, batch included,
 * and the loss of a batch is one number; with {@code axis=[1, 2, 3]} on images {@code (batch, h, w,
 * c)} each sample gets its own.
 *
 * <pre>{@code
 * Loss dice = Dice.builder().axis(List.of(1, 2, 3)).build();
 * }</pre>
 *
 * @param axis the axes summed over, or {@code null} for all of them
 */
@JsonDeserialize(builder = Dice.Builder.class)
public record Dice(
    @JsonProperty("name") String name,
    @JsonProperty("reduction") @Nullable String reduction,
    @JsonProperty("axis") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable List<Integer> axis)
    implements Loss {

  public Dice {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
    axis = axis == null ? null : List.copyOf(axis);
  }

  /** Keras' defaults: {@code axis=None, name="dice", reduction="sum_over_batch_size"}. */
  public Dice() {
    this(new Builder());
  }

  private Dice(Builder b) {
    this(b.name, b.reduction, b.axis);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    Class<T> type = yPred.type();
    Operand<T> t = tf.dtypes.cast(yTrue, type);
    Operand<T> product = tf.math.mul(t, yPred);
    Operand<TInt32> axes =
        axis == null
            ? Reduction.allAxes(tf, product)
            : tf.constant(axis.stream().mapToInt(Integer::intValue).toArray());
    Operand<T> intersection = tf.sum(product, axes);
    Operand<T> dice =
        tf.math.div(
            tf.math.mul(tf.constant(type, 2.0), intersection),
            tf.math.add(
                tf.math.add(tf.sum(t, axes), tf.sum(yPred, axes)),
                tf.constant(type, Losses.EPSILON)));
    return tf.math.sub(tf.constant(type, 1.0), dice);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private @Nullable List<Integer> axis;

    private Builder() {
      super("dice");
    }

    @JsonProperty("axis")
    public Builder axis(@Nullable List<Integer> axis) {
      this.axis = axis;
      return this;
    }

    public Dice build() {
      return new Dice(this);
    }
  }
}

package io.keras4j.losses;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.internal.Naming;
import io.keras4j.losses.Reduction.SameRank;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TFloating;

/**
 * Cross-entropy of integer class targets: Keras' {@code
 * keras.losses.SparseCategoricalCrossentropy}.
 *
 * <p>{@link CategoricalCrossentropy} with the one-hot encoding of {@code y_true}: {@code loss =
 * -log_softmax(y_pred)[y_true]} from logits, {@code -log(clip(p / sum(p), 1e-7, 1 - 1e-7))[y_true]}
 * from probabilities. Targets {@code (batch, ...)} or {@code (batch, ..., 1)} and predictions
 * {@code (batch, ..., classes)} give losses {@code (batch, ...)}.
 *
 * <p>Targets equal to {@code ignore_class} lose nothing and, as Keras masks them, the {@code
 * sum_over_batch_size} reduction averages over the other targets only.
 *
 * <pre>{@code
 * Loss scce = SparseCategoricalCrossentropy.builder().fromLogits(true).build();
 * Operand<TFloat32> value = scce.apply(tf, classIds, logits, null);
 * }</pre>
 *
 * @param fromLogits whether predictions are logits rather than probabilities (Keras' default false)
 * @param ignoreClass a target value that contributes no loss, {@code null} for none (Keras'
 *     default)
 * @param axis the class axis of the predictions (Keras' default -1)
 */
@JsonDeserialize(builder = SparseCategoricalCrossentropy.Builder.class)
public record SparseCategoricalCrossentropy(
    @JsonProperty("name") String name,
    @JsonProperty("reduction") @Nullable String reduction,
    @JsonProperty("from_logits") boolean fromLogits,
    @JsonProperty("ignore_class") @Nullable Integer ignoreClass,
    @JsonProperty("axis") int axis)
    implements Loss {

  public SparseCategoricalCrossentropy {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /**
   * Keras' defaults: {@code from_logits=False, ignore_class=None, axis=-1,
   * name="sparse_categorical_crossentropy", reduction="sum_over_batch_size"}.
   */
  public SparseCategoricalCrossentropy() {
    this(new Builder());
  }

  private SparseCategoricalCrossentropy(Builder b) {
    this(b.name, b.reduction, b.fromLogits, b.ignoreClass, b.axis);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    return masked(tf, yTrue, yPred).values();
  }

  /** {@link #call}, with ignored targets masked out of the reduction as Keras masks them. */
  @Override
  public <T extends TFloating> Operand<T> apply(
      Ops tf, Operand<?> yTrue, Operand<T> yPred, @Nullable Operand<T> sampleWeight) {
    Ops scope = tf.withSubScope(Naming.opName(name));
    Masked<T> losses = masked(scope, yTrue, yPred);
    return Reduction.reduceWeightedValues(
        scope, losses.values(), sampleWeight, losses.mask(), reduction);
  }

  private record Masked<T extends TFloating>(Operand<T> values, @Nullable Operand<TBool> mask) {}

  private <T extends TFloating> Masked<T> masked(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Operand<T> target = y.first();
    Operand<T> output = y.second();
    int a = Targets.axis(output, axis, "SparseCategoricalCrossentropy");
    if (!target.shape().isUnknown()
        && target.shape().numDimensions() == output.shape().numDimensions()
        && target.shape().get(a) == 1) {
      target = tf.squeeze(target, Squeeze.axis(List.of((long) a)));
    }
    if (ignoreClass == null) {
      return new Masked<>(Crossentropy.sparse(tf, target, output, fromLogits, a), null);
    }
    Operand<T> zero = tf.constant(output.type(), 0);
    Operand<TBool> valid =
        tf.math.notEqual(target, tf.constant(output.type(), ignoreClass.doubleValue()));
    // Keras parity: Keras also zeroes the ignored rows of y_pred; their losses are dropped either
    // way, and keeping them avoids 0/0 in the normalization of probabilities.
    Operand<T> losses =
        Crossentropy.sparse(tf, tf.select(valid, target, zero), output, fromLogits, a);
    return new Masked<>(tf.select(valid, losses, tf.zerosLike(losses)), valid);
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private boolean fromLogits = false;
    private @Nullable Integer ignoreClass;
    private int axis = -1;

    private Builder() {
      super("sparse_categorical_crossentropy");
    }

    @JsonProperty("from_logits")
    public Builder fromLogits(boolean fromLogits) {
      this.fromLogits = fromLogits;
      return this;
    }

    @JsonProperty("ignore_class")
    public Builder ignoreClass(@Nullable Integer ignoreClass) {
      this.ignoreClass = ignoreClass;
      return this;
    }

    @JsonProperty("axis")
    public Builder axis(int axis) {
      this.axis = axis;
      return this;
    }

    public SparseCategoricalCrossentropy build() {
      return new SparseCategoricalCrossentropy(this);
    }
  }
}

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
 * Cross-entropy of one-hot (or soft) targets over classes: Keras' {@code
 * keras.losses.CategoricalCrossentropy}.
 *
 * <p>With targets smoothed to {@code z = y_true (1 - label_smoothing) + label_smoothing / k}, where
 * {@code k} is the size of the targets' last axis (Keras counts classes there, whatever {@code
 * axis} is), {@code loss = -sum(z * log_softmax(y_pred), axis)} from logits; from probabilities
 * {@code p}, {@code loss = -sum(z * log(clip(p / sum(p, axis), 1e-7, 1 - 1e-7)), axis)}.
 * Predictions {@code (batch, ..., k)} give losses {@code (batch, ...)}.
 *
 * <pre>{@code
 * Loss cce = CategoricalCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).build();
 * Operand<TFloat32> value = cce.apply(tf, oneHot, logits, null);
 * }</pre>
 *
 * @param fromLogits whether predictions are logits rather than probabilities (Keras' default false)
 * @param labelSmoothing how far targets move towards uniform, in {@code [0, 1]} (Keras' default 0)
 * @param axis the class axis (Keras' default -1)
 */
@JsonDeserialize(builder = CategoricalCrossentropy.Builder.class)
public record CategoricalCrossentropy(
    @JsonProperty("name") String name,
    @JsonProperty("reduction") @Nullable String reduction,
    @JsonProperty("from_logits") boolean fromLogits,
    @JsonProperty("label_smoothing") double labelSmoothing,
    @JsonProperty("axis") int axis)
    implements Loss {

  public CategoricalCrossentropy {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /**
   * Keras' defaults: {@code from_logits=False, label_smoothing=0.0, axis=-1,
   * name="categorical_crossentropy", reduction="sum_over_batch_size"}.
   */
  public CategoricalCrossentropy() {
    this(new Builder());
  }

  private CategoricalCrossentropy(Builder b) {
    this(b.name, b.reduction, b.fromLogits, b.labelSmoothing, b.axis);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Operand<T> z = smooth(tf, y.first(), labelSmoothing, "CategoricalCrossentropy");
    return Crossentropy.categorical(tf, z, y.second(), fromLogits, axis);
  }

  /**
   * Keras' smoothing of categorical targets: {@code z (1 - s) + s / k}, with {@code k} the size of
   * the targets' last axis whatever the loss's {@code axis} (as Keras counts the classes).
   */
  static <T extends TFloating> Operand<T> smooth(
      Ops tf, Operand<T> z, double labelSmoothing, String loss) {
    if (labelSmoothing == 0) return z;
    Class<T> type = z.type();
    Operand<T> classes = tf.dtypes.cast(Targets.dim(tf, z, Targets.axis(z, -1, loss)), type);
    return tf.math.add(
        tf.math.mul(z, tf.constant(type, 1 - labelSmoothing)),
        tf.math.div(tf.constant(type, labelSmoothing), classes));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private boolean fromLogits = false;
    private double labelSmoothing = 0.0;
    private int axis = -1;

    private Builder() {
      super("categorical_crossentropy");
    }

    @JsonProperty("from_logits")
    public Builder fromLogits(boolean fromLogits) {
      this.fromLogits = fromLogits;
      return this;
    }

    @JsonProperty("label_smoothing")
    public Builder labelSmoothing(double labelSmoothing) {
      this.labelSmoothing = labelSmoothing;
      return this;
    }

    @JsonProperty("axis")
    public Builder axis(int axis) {
      this.axis = axis;
      return this;
    }

    public CategoricalCrossentropy build() {
      return new CategoricalCrossentropy(this);
    }
  }
}

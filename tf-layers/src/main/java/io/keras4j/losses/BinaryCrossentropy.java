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
 * Binary cross-entropy of independent 0/1 targets: Keras' {@code keras.losses.BinaryCrossentropy}.
 *
 * <p>With targets smoothed to {@code z = y_true (1 - label_smoothing) + 0.5 label_smoothing},
 * {@code loss = mean(bce(z, y_pred), axis)} where, from probabilities, {@code bce = -(z log(p) + (1
 * - z) log(1 - p))} with {@code p} clipped to {@code [1e-7, 1 - 1e-7]}, and from logits {@code x},
 * {@code bce = max(x, 0) - x z + log(1 + exp(-|x|))}. Predictions {@code (batch, ..., d)} give
 * losses {@code (batch, ...)}; targets {@code (batch,)} match predictions {@code (batch, 1)}.
 *
 * <pre>{@code
 * Loss bce = BinaryCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).build();
 * Operand<TFloat32> value = bce.apply(tf, labels, logits, null);
 * }</pre>
 *
 * @param fromLogits whether predictions are logits rather than probabilities (Keras' default false)
 * @param labelSmoothing how far targets move towards 0.5, in {@code [0, 1]} (Keras' default 0)
 * @param axis the axis the element losses are averaged over (Keras' default -1)
 */
@JsonDeserialize(builder = BinaryCrossentropy.Builder.class)
public record BinaryCrossentropy(
    @JsonProperty("name") String name,
    @JsonProperty("reduction") @Nullable String reduction,
    @JsonProperty("from_logits") boolean fromLogits,
    @JsonProperty("label_smoothing") double labelSmoothing,
    @JsonProperty("axis") int axis)
    implements Loss {

  public BinaryCrossentropy {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /**
   * Keras' defaults: {@code from_logits=False, label_smoothing=0.0, axis=-1,
   * name="binary_crossentropy", reduction="sum_over_batch_size"}.
   */
  public BinaryCrossentropy() {
    this(new Builder());
  }

  private BinaryCrossentropy(Builder b) {
    this(b.name, b.reduction, b.fromLogits, b.labelSmoothing, b.axis);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Operand<T> z = smooth(tf, y.first(), labelSmoothing);
    return tf.math.mean(Crossentropy.binary(tf, z, y.second(), fromLogits), tf.constant(axis));
  }

  /** Keras' binary label smoothing: {@code z (1 - s) + 0.5 s}, nothing for {@code s = 0}. */
  static <T extends TFloating> Operand<T> smooth(Ops tf, Operand<T> z, double s) {
    if (s == 0) {
      return z;
    }
    return tf.math.add(
        tf.math.mul(z, tf.constant(z.type(), 1 - s)), tf.constant(z.type(), 0.5 * s));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private boolean fromLogits = false;
    private double labelSmoothing = 0.0;
    private int axis = -1;

    private Builder() {
      super("binary_crossentropy");
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

    public BinaryCrossentropy build() {
      return new BinaryCrossentropy(this);
    }
  }
}

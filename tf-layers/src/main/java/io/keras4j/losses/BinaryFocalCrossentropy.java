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
 * Binary cross-entropy that down-weights easy examples (Lin et al., 2017): Keras' {@code
 * keras.losses.BinaryFocalCrossentropy}.
 *
 * <p>With smoothed targets {@code z} as in {@link BinaryCrossentropy}, probabilities {@code p}
 * ({@code sigmoid(y_pred)} from logits), {@code bce} the binary cross-entropy of {@code p} and
 * {@code p_t = z p + (1 - z)(1 - p)}: {@code loss = mean(w (1 - p_t)^gamma bce, axis)} where {@code
 * w = z alpha + (1 - z)(1 - alpha)} with {@code apply_class_balancing}, else 1. Predictions {@code
 * (batch, ..., d)} give losses {@code (batch, ...)}.
 *
 * <pre>{@code
 * Loss focal = BinaryFocalCrossentropy.builder().gamma(2.0).fromLogits(true).build();
 * Operand<TFloat32> value = focal.apply(tf, labels, logits, null);
 * }</pre>
 *
 * @param applyClassBalancing whether to weigh classes by {@code alpha} (Keras' default false)
 * @param alpha the weight of the positive class when balancing (Keras' default 0.25)
 * @param gamma the focusing exponent (Keras' default 2.0)
 */
@JsonDeserialize(builder = BinaryFocalCrossentropy.Builder.class)
public record BinaryFocalCrossentropy(
    @JsonProperty("name") String name,
    @JsonProperty("reduction") @Nullable String reduction,
    @JsonProperty("from_logits") boolean fromLogits,
    @JsonProperty("label_smoothing") double labelSmoothing,
    @JsonProperty("axis") int axis,
    @JsonProperty("apply_class_balancing") boolean applyClassBalancing,
    @JsonProperty("alpha") double alpha,
    @JsonProperty("gamma") double gamma)
    implements Loss {

  public BinaryFocalCrossentropy {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /**
   * Keras' defaults: {@code apply_class_balancing=False, alpha=0.25, gamma=2.0, from_logits=False,
   * label_smoothing=0.0, axis=-1, name="binary_focal_crossentropy",
   * reduction="sum_over_batch_size"}.
   */
  public BinaryFocalCrossentropy() {
    this(new Builder());
  }

  private BinaryFocalCrossentropy(Builder b) {
    this(
        b.name,
        b.reduction,
        b.fromLogits,
        b.labelSmoothing,
        b.axis,
        b.applyClassBalancing,
        b.alpha,
        b.gamma);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Class<T> type = yPred.type();
    Operand<T> z = BinaryCrossentropy.smooth(tf, y.first(), labelSmoothing);
    Operand<T> p = fromLogits ? tf.math.sigmoid(y.second()) : y.second();
    Operand<T> bce = Crossentropy.binary(tf, z, p, false);
    Operand<T> one = tf.constant(type, 1);
    Operand<T> pT =
        tf.math.add(tf.math.mul(z, p), tf.math.mul(tf.math.sub(one, z), tf.math.sub(one, p)));
    Operand<T> focal =
        tf.math.mul(tf.math.pow(tf.math.sub(one, pT), tf.constant(type, gamma)), bce);
    if (applyClassBalancing) {
      Operand<T> weight =
          tf.math.add(
              tf.math.mul(z, tf.constant(type, alpha)),
              tf.math.mul(tf.math.sub(one, z), tf.constant(type, 1 - alpha)));
      focal = tf.math.mul(weight, focal);
    }
    return tf.math.mean(focal, tf.constant(axis));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private boolean applyClassBalancing = false;
    private double alpha = 0.25;
    private double gamma = 2.0;
    private boolean fromLogits = false;
    private double labelSmoothing = 0.0;
    private int axis = -1;

    private Builder() {
      super("binary_focal_crossentropy");
    }

    @JsonProperty("apply_class_balancing")
    public Builder applyClassBalancing(boolean applyClassBalancing) {
      this.applyClassBalancing = applyClassBalancing;
      return this;
    }

    @JsonProperty("alpha")
    public Builder alpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    @JsonProperty("gamma")
    public Builder gamma(double gamma) {
      this.gamma = gamma;
      return this;
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

    public BinaryFocalCrossentropy build() {
      return new BinaryFocalCrossentropy(this);
    }
  }
}

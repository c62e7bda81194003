package io.keras4j.losses;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.losses.Reduction.SameRank;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.family.TFloating;

/**
 * Categorical cross-entropy that down-weights well-classified examples (Lin et al., 2017): Keras'
 * {@code keras.losses.CategoricalFocalCrossentropy}.
 *
 * <p>With targets smoothed as in {@link CategoricalCrossentropy} to {@code z}, probabilities {@code
 * p} ({@code softmax(y_pred, axis)} from logits) renormalized to sum to one over {@code axis} and
 * clipped to {@code [1e-7, 1 - 1e-7]}: {@code loss = sum((1 - p)^gamma * alpha * (-z * log(p)),
 * axis)}. Predictions {@code (batch, ..., k)} give losses {@code (batch, ...)}.
 *
 * <pre>{@code
 * Loss focal = CategoricalFocalCrossentropy.builder().gamma(2.0).fromLogits(true).build();
 * Operand<TFloat32> value = focal.apply(tf, oneHot, logits, null);
 * }</pre>
 *
 * @param alpha the weight of every class (Keras' default 0.25; Keras' per-class lists are not
 *     supported)
 * @param gamma the focusing exponent (Keras' default 2.0); 0 gives {@code alpha} times the
 *     categorical cross-entropy
 */
@JsonDeserialize(builder = CategoricalFocalCrossentropy.Builder.class)
public record CategoricalFocalCrossentropy(
    @JsonProperty("name") String name,
    @JsonProperty("reduction") @Nullable String reduction,
    @JsonProperty("from_logits") boolean fromLogits,
    @JsonProperty("label_smoothing") double labelSmoothing,
    @JsonProperty("axis") int axis,
    @JsonProperty("alpha") double alpha,
    @JsonProperty("gamma") double gamma)
    implements Loss {

  public CategoricalFocalCrossentropy {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /**
   * Keras' defaults: {@code alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0, axis=-1,
   * name="categorical_focal_crossentropy", reduction="sum_over_batch_size"}.
   */
  public CategoricalFocalCrossentropy() {
    this(new Builder());
  }

  private CategoricalFocalCrossentropy(Builder b) {
    this(b.name, b.reduction, b.fromLogits, b.labelSmoothing, b.axis, b.alpha, b.gamma);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Class<T> type = yPred.type();
    Operand<T> z =
        CategoricalCrossentropy.smooth(
            tf, y.first(), labelSmoothing, "CategoricalFocalCrossentropy");
    Operand<T> p = y.second();
    if (fromLogits) {
      p = Crossentropy.softmax(tf, p, axis);
    }
    Operand<T> output =
        Crossentropy.clip(tf, tf.math.div(p, tf.sum(p, tf.constant(axis), Sum.keepDims(true))));
    Operand<T> cce = tf.math.mul(tf.math.neg(z), tf.math.log(output));
    Operand<T> modulating =
        tf.math.pow(tf.math.sub(tf.constant(type, 1), output), tf.constant(type, gamma));
    Operand<T> weighting = tf.math.mul(modulating, tf.constant(type, alpha));
    return tf.sum(tf.math.mul(weighting, cce), tf.constant(axis));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private double alpha = 0.25;
    private double gamma = 2.0;
    private boolean fromLogits = false;
    private double labelSmoothing = 0.0;
    private int axis = -1;

    private Builder() {
      super("categorical_focal_crossentropy");
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

    public CategoricalFocalCrossentropy build() {
      return new CategoricalFocalCrossentropy(this);
    }
  }
}

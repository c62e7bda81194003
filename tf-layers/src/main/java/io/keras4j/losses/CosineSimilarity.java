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
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The negated cosine similarity of targets and predictions: Keras' {@code
 * keras.losses.CosineSimilarity}.
 *
 * <p>{@code loss = -sum(l2_normalize(y_true) * l2_normalize(y_pred), axis)}, between -1 (same
 * direction) and 1 (opposite), where {@code l2_normalize(x) = x / sqrt(maximum(sum(x^2, axis),
 * eps^2))} with {@code eps = 1e-7}, so a zero vector gives 0. Predictions {@code (batch, ..., d)}
 * give losses {@code (batch, ...)} for {@code axis=-1}.
 *
 * <pre>{@code
 * Loss cosine = new CosineSimilarity();
 * Operand<TFloat32> value = cosine.apply(tf, yTrue, yPred, null);
 * }</pre>
 *
 * @param axis the axis along which the similarity is computed (Keras' default -1)
 */
@JsonDeserialize(builder = CosineSimilarity.Builder.class)
public record CosineSimilarity(
    @JsonProperty("name") String name,
    @JsonProperty("reduction") @Nullable String reduction,
    @JsonProperty("axis") int axis)
    implements Loss {

  public CosineSimilarity {
    Objects.requireNonNull(name, "name");
    Reduction.validate(reduction);
  }

  /**
   * Keras' defaults: {@code axis=-1, name="cosine_similarity", reduction="sum_over_batch_size"}.
   */
  public CosineSimilarity() {
    this(new Builder());
  }

  private CosineSimilarity(Builder b) {
    this(b.name, b.reduction, b.axis);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    SameRank<T, T> y = Targets.align(tf, yTrue, yPred);
    Operand<TInt32> ax = tf.constant(axis);
    Operand<T> product = tf.math.mul(normalize(tf, y.first(), ax), normalize(tf, y.second(), ax));
    return tf.math.neg(tf.sum(product, ax));
  }

  /** Keras' {@code normalize(x, axis, order=2)}: {@code x * rsqrt(maximum(sum(x^2), eps^2))}. */
  static <T extends TFloating> Operand<T> normalize(Ops tf, Operand<T> x, Operand<TInt32> axis) {
    Operand<T> squareSum = tf.sum(tf.math.square(x), axis, Sum.keepDims(true));
    Operand<T> floor = tf.constant(x.type(), Losses.EPSILON * Losses.EPSILON);
    return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(squareSum, floor)));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder extends LossBuilder<Builder> {
    private int axis = -1;

    private Builder() {
      super("cosine_similarity");
    }

    @JsonProperty("axis")
    public Builder axis(int axis) {
      this.axis = axis;
      return this;
    }

    public CosineSimilarity build() {
      return new CosineSimilarity(this);
    }
  }
}

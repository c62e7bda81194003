package io.keras4j.regularizers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.family.TNumber;

/**
 * A penalty that pushes the rows (or columns) of a 2-D weight towards being orthogonal: Keras'
 * {@code keras.regularizers.OrthogonalRegularizer}.
 *
 * <p>With {@code v_i} the L2-normalized rows ({@code mode="rows"}) or columns ({@code
 * mode="columns"}) of {@code x}, {@code n} their number and {@code x / max(||x||, 1e-7)} the
 * normalization, the penalty is {@code factor * 0.5 * sum_{i != j} |v_i · v_j| / (n (n - 1) / 2)}:
 * {@code factor} times the mean absolute dot product of distinct pairs. As in Keras, a single row
 * (or column) gives 0 / 0.
 *
 * <pre>{@code
 * Operand<TFloat32> penalty = new OrthogonalRegularizer(0.01, "rows").call(tf, kernel);
 * }</pre>
 *
 * @param factor the factor, finite and non-negative (Keras' default 0.01); Keras keeps it as a
 *     float32 tensor, so it is rounded to float32 here too
 * @param mode {@code "rows"} (Keras' default) or {@code "columns"}
 */
@JsonDeserialize(builder = OrthogonalRegularizer.Builder.class)
public record OrthogonalRegularizer(
    @JsonProperty("factor") double factor, @JsonProperty("mode") String mode)
    implements Regularizer {

  /** Keras' {@code backend.epsilon()}, the smallest norm a row is divided by. */
  private static final double EPSILON = 1e-7;

  public OrthogonalRegularizer {
    // Keras parity: the factor is stored as a float32 tensor and written as float(tensor).
    factor = (float) Penalties.factor("OrthogonalRegularizer", "factor", factor);
    Objects.requireNonNull(mode, "mode");
    if (!mode.equals("rows") && !mode.equals("columns")) {
      throw new IllegalArgumentException(
          "OrthogonalRegularizer: invalid value for argument `mode`. Expected one of"
              + " {\"rows\", \"columns\"}. Received: mode="
              + mode);
    }
  }

  /** Keras' defaults: {@code factor=0.01, mode="rows"}. */
  public OrthogonalRegularizer() {
    this(new Builder());
  }

  private OrthogonalRegularizer(Builder b) {
    this(b.factor, b.mode);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
    Shape shape = x.shape();
    if (shape.numDimensions() != 2) {
      throw new IllegalArgumentException(
          "Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape=" + shape);
    }
    boolean rows = mode.equals("rows");
    long size = shape.get(rows ? 0 : 1);
    if (size == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException(
          "OrthogonalRegularizer needs a known number of " + mode + ", received shape " + shape);
    }
    // Keras parity: normalize() is x * rsqrt(max(sum(x²), epsilon²)) along the other axis.
    Operand<T> squares = tf.sum(tf.math.square(x), tf.constant(rows ? 1 : 0), Sum.keepDims(true));
    Operand<T> v =
        tf.math.mul(
            x,
            tf.math.rsqrt(tf.math.maximum(squares, tf.constantOfSameType(x, EPSILON * EPSILON))));
    Operand<T> product =
        rows
            ? tf.linalg.matMul(v, v, MatMul.transposeB(true))
            : tf.linalg.matMul(v, v, MatMul.transposeA(true));
    Operand<T> offDiagonal =
        tf.math.mul(product, tf.math.sub(tf.constantOfSameType(x, 1), eye(tf, x, size)));
    Operand<T> total = tf.sum(tf.math.abs(offDiagonal), tf.constant(new int[] {0, 1}));
    double pairs = size * (size - 1.0) / 2.0;
    return tf.math.div(
        tf.math.mul(tf.constantOfSameType(x, factor * 0.5), total),
        tf.constantOfSameType(x, pairs));
  }

  private static <T extends TNumber> Operand<T> eye(Ops tf, Operand<T> like, long size) {
    Operand<T> ones = tf.ones(tf.constant(new long[] {size}), like.type());
    return tf.linalg.matrixDiagV3(
        ones,
        tf.constant(0),
        tf.constant(Math.toIntExact(size)),
        tf.constant(Math.toIntExact(size)),
        tf.constantOfSameType(like, 0));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private double factor = 0.01;
    private String mode = "rows";

    private Builder() {}

    /** {@code null} means the default. */
    @JsonProperty("factor")
    public Builder factor(@Nullable Double factor) {
      this.factor = factor == null ? 0.01 : factor;
      return this;
    }

    @JsonProperty("mode")
    public Builder mode(String mode) {
      this.mode = mode;
      return this;
    }

    public OrthogonalRegularizer build() {
      return new OrthogonalRegularizer(this);
    }
  }
}

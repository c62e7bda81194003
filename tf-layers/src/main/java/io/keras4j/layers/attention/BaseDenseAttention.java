package io.keras4j.layers.attention;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import io.keras4j.utils.RandomSeed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * What {@link Attention} and {@link AdditiveAttention} share, as Keras' {@code AdditiveAttention}
 * inherits it from {@code Attention} (Keras 2 named this base {@code BaseDenseAttention}): a
 * subclass scores every query against every key; this class masks the scores, takes their softmax
 * over the keys, applies dropout in training and returns the weighted sum of the values.
 *
 * <p>Called on {@code [query, value]} or {@code [query, value, key]}; the masks of the query and
 * value inputs and the call arguments {@code use_causal_mask} and {@code return_attention_scores}
 * are honoured as in Keras.
 */
abstract class BaseDenseAttention extends Layer {

  BaseDenseAttention(LayerArgs args) {
    super(args);
    setSupportsMasking(true);
  }

  /** The scores {@code (batch, Tq, Tv)} of every query step against every key step. */
  abstract <T extends TFloating> Operand<T> scores(Ops tf, Operand<T> query, Operand<T> key);

  abstract double dropout();

  abstract @Nullable Long seed();

  /** Keras 2's {@code causal} config key: a causal mask on every call. */
  abstract boolean causal();

  @Override
  protected final List<Operand<?>> call(Ops tf, List<Operand<?>> inputs, CallContext context) {
    // Tensors given as keyword arguments follow the positional ones; only the latter are attended.
    int positional =
        context.tensorArguments().values().stream().min(Integer::compare).orElse(inputs.size());
    validateInputs(positional);
    return attend(
        tf,
        Tensors.floating(inputs.get(0)),
        Tensors.floating(inputs.get(1)),
        Tensors.floating(inputs.get(positional > 2 ? 2 : 1)),
        context);
  }

  private <T extends TFloating> List<Operand<?>> attend(
      Ops tf, Operand<T> query, Operand<T> value, Operand<T> key, CallContext context) {
    Operand<T> scores = scores(tf, query, key);
    boolean useCausalMask = causal() || context.argument("use_causal_mask", false);
    Operand<TBool> scoresMask = scoresMask(tf, scores, context.mask(1), useCausalMask);
    if (scoresMask != null) {
      // Keras parity: masked scores are lowered by 1e9 (65504 in float16), not set to -inf.
      double max = scores.type() == TFloat16.class ? 65504.0 : 1.0e9;
      Operand<T> lowered = tf.math.sub(scores, tf.dtypes.cast(tf.constant(max), scores.type()));
      scores = tf.select(tf.math.logicalNot(scoresMask), lowered, scores);
    }
    Operand<T> weights = tf.nn.softmax(scores);
    if (context.training() && dropout() > 0) {
      weights = dropout(tf, weights);
    }
    Operand<T> output = tf.train.batchMatMul(weights, value, value.type());
    Operand<TBool> queryMask = context.mask(0);
    if (queryMask != null) {
      Operand<TBool> keep = tf.expandDims(queryMask, tf.constant(-1));
      output = tf.select(keep, output, tf.zerosLike(output));
    }
    if (context.argument("return_attention_scores", false)) {
      return List.of(output, weights);
    }
    return List.of(output);
  }

  /**
   * Which scores count: the value mask as {@code (batch, 1, Tv)}, and with a causal mask only the
   * keys at or before each query step; {@code null} if nothing is masked.
   */
  private static @Nullable Operand<TBool> scoresMask(
      Ops tf, Operand<?> scores, @Nullable Operand<TBool> valueMask, boolean causal) {
    Operand<TBool> mask = valueMask == null ? null : tf.expandDims(valueMask, tf.constant(-2));
    if (!causal) {
      return mask;
    }
    int rank = scores.shape().numDimensions();
    Operand<TInt32> shape = tf.shape(scores);
    Operand<TInt32> rows = tf.range(tf.constant(0), dim(tf, shape, rank - 2), tf.constant(1));
    Operand<TInt32> cols = tf.range(tf.constant(0), dim(tf, shape, rank - 1), tf.constant(1));
    Operand<TBool> causalMask =
        tf.math.greaterEqual(tf.expandDims(rows, tf.constant(-1)), cols); // (Tq, Tv)
    return mask == null ? causalMask : tf.math.logicalAnd(mask, causalMask);
  }

  private static Operand<TInt32> dim(Ops tf, Operand<TInt32> shape, int axis) {
    return tf.gather(shape, tf.constant(axis), tf.constant(0));
  }

  /** Keras' {@code backend.random.dropout}: zeroes a fraction of the weights, scales the rest. */
  private <T extends TFloating> Operand<T> dropout(Ops tf, Operand<T> x) {
    double rate = dropout();
    if (rate >= 1) {
      return tf.zerosLike(x);
    }
    Long seed = RandomSeed.orNext(seed());
    RandomUniform.Options[] options =
        seed == null
            ? new RandomUniform.Options[0]
            : new RandomUniform.Options[] {RandomUniform.seed(seed)};
    Operand<T> u = tf.random.randomUniform(tf.shape(x), x.type(), options);
    Operand<TBool> keep = tf.math.greaterEqual(u, tf.dtypes.cast(tf.constant(rate), x.type()));
    Operand<T> scaled = tf.math.div(x, tf.dtypes.cast(tf.constant(1 - rate), x.type()));
    return tf.select(keep, scaled, tf.zerosLike(x));
  }

  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    validateInputs(inputShapes.size());
    Shape query = inputShapes.get(0);
    Shape value = inputShapes.get(1);
    int rank = query.numDimensions();
    return List.of(query.take(rank - 1).append(value.get(value.numDimensions() - 1)));
  }

  /** The query's mask, as Keras' {@code compute_mask}, on the attention output. */
  @Override
  public List<@Nullable Operand<TBool>> computeMask(
      Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks, int outputCount) {
    List<@Nullable Operand<TBool>> out = new ArrayList<>(Collections.nCopies(outputCount, null));
    if (!masks.isEmpty() && outputCount > 0) out.set(0, masks.get(0));
    return out;
  }

  /** Keras' {@code _validate_inputs}, in its words. */
  final void validateInputs(int count) {
    String className = getClass().getSimpleName();
    if (count < 2 || count > 3) {
      throw new IllegalArgumentException(
          className
              + " layer '"
              + name()
              + "' accepts inputs list of length 2 or 3, namely [query, value] or [query, value,"
              + " key]. Received length: "
              + count
              + ".");
    }
  }

  static void checkDropout(double dropout) {
    if (!(dropout >= 0 && dropout <= 1)) {
      throw new IllegalArgumentException(
          "Invalid value received for argument `dropout`. Expected a float value between 0 and 1."
              + " Received: dropout="
              + dropout);
    }
  }
}

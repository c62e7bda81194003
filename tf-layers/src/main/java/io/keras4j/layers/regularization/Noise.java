package io.keras4j.layers.regularization;

import io.keras4j.layers.Shapes;
import io.keras4j.utils.RandomSeed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * The random draws of the noise layers, as Keras' {@code backend.random} makes them.
 *
 * <p>Keras draws every call's noise from a seed generator that advances at each call, so a seeded
 * layer gives a reproducible sequence of different masks. TensorFlow's seeded random ops do the
 * same within a session: each run draws the next values of a sequence fixed by the seed. (A
 * stateless op with a fixed seed would drop the same units at every training step.) A layer without
 * a seed draws a fresh sequence in every session.
 *
 * <p>Every draw is cut from the gradient: TensorFlow registers no gradient for random ops, and
 * {@code Graph.addGradients} fails on one even though its only input is a shape.
 */
final class Noise {

  /** The graph-level seed TensorFlow's Python API pairs with an op seed when none is set. */
  private static final long DEFAULT_GRAPH_SEED = 87654321L;

  private Noise() {}

  /**
   * The input unchanged, as a node of its own: a model whose output this is must not fetch the
   * placeholder it feeds, which TensorFlow refuses.
   */
  static Operand<?> passThrough(Ops tf, Operand<?> input) {
    return tf.identity(input);
  }

  /** Uniform in {@code [0, 1)}. */
  static <T extends TFloating> Operand<T> uniform(
      Ops tf, Operand<TInt64> shape, Class<T> type, @Nullable Long givenSeed) {
    Long seed = RandomSeed.orNext(givenSeed);
    RandomUniform<T> u =
        seed == null
            ? tf.random.randomUniform(shape, type)
            : tf.random.randomUniform(
                shape, type, RandomUniform.seed(DEFAULT_GRAPH_SEED), RandomUniform.seed2(seed));
    return tf.stopGradient(u);
  }

  /** Normal with mean {@code mean} and standard deviation {@code stddev}. */
  static <T extends TFloating> Operand<T> normal(
      Ops tf,
      Operand<TInt64> shape,
      Class<T> type,
      double mean,
      double stddev,
      @Nullable Long givenSeed) {
    Long seed = RandomSeed.orNext(givenSeed);
    RandomStandardNormal<T> z =
        seed == null
            ? tf.random.randomStandardNormal(shape, type)
            : tf.random.randomStandardNormal(
                shape,
                type,
                RandomStandardNormal.seed(DEFAULT_GRAPH_SEED),
                RandomStandardNormal.seed2(seed));
    Operand<T> scaled =
        tf.math.add(tf.math.mul(z, scalar(tf, stddev, type)), scalar(tf, mean, type));
    return tf.stopGradient(scaled);
  }

  /**
   * Keras' dropout: each entry of a {@code noiseShape} mask (broadcast over {@code x}) is kept with
   * probability {@code 1 - rate}; kept entries are scaled by {@code 1 / (1 - rate)}, dropped ones
   * are 0. {@code rate} 1 drops everything.
   */
  static <T extends TFloating> Operand<T> dropout(
      Ops tf, Operand<T> x, double rate, Operand<TInt64> noiseShape, @Nullable Long seed) {
    if (rate >= 1.0) {
      // Zeros as Keras returns them, through a select so that the input still gets a (zero)
      // gradient: TensorFlow gives zerosLike none, which a training step could not apply.
      return tf.select(tf.constant(false), x, scalar(tf, 0.0, x.type()));
    }
    Operand<TBool> keep =
        tf.math.greaterEqual(uniform(tf, noiseShape, x.type(), seed), scalar(tf, rate, x.type()));
    Operand<T> scaled = tf.math.div(x, scalar(tf, 1.0 - rate, x.type()));
    return tf.select(keep, scaled, scalar(tf, 0.0, x.type()));
  }

  /**
   * The concrete shape of the noise for {@code x}: {@code x}'s own shape when {@code noiseShape} is
   * {@code null}, else {@code noiseShape} with each {@code null} replaced by {@code x}'s size.
   *
   * @param layer names the layer in errors
   */
  static Operand<TInt64> shape(
      Ops tf, Operand<?> x, @Nullable List<@Nullable Long> noiseShape, String layer) {
    Operand<TInt64> full = tf.shape(x, TInt64.class);
    if (noiseShape == null) {
      return full;
    }
    int rank = x.shape().numDimensions();
    if (noiseShape.size() != rank) {
      throw new IllegalArgumentException(
          layer
              + ": `noise_shape` must have one entry per input dimension. Received: noise_shape="
              + noiseShape
              + " for an input of shape "
              + Shapes.toKeras(x.shape()));
    }
    boolean[] fromInput = new boolean[rank];
    long[] fixed = new long[rank];
    for (int i = 0; i < rank; i++) {
      Long d = noiseShape.get(i);
      fromInput[i] = d == null;
      fixed[i] = d == null ? 1 : d;
    }
    return tf.select(tf.constant(fromInput), full, tf.constant(fixed));
  }

  /**
   * The noise shape of a spatial dropout: one draw per example and channel, shared over the {@code
   * rank - 2} spatial axes.
   */
  static List<@Nullable Long> spatialNoiseShape(int rank, boolean channelsFirst) {
    List<@Nullable Long> shape = new ArrayList<>(Collections.nCopies(rank, 1L));
    shape.set(0, null);
    shape.set(channelsFirst ? 1 : rank - 1, null);
    return shape;
  }

  /** Keras' input spec check {@code InputSpec(ndim=rank)}, in its words. */
  static void requireRank(String layer, Shape inputShape, int rank) {
    if (inputShape.numDimensions() != rank) {
      throw new IllegalArgumentException(
          "Input 0 of layer \""
              + layer
              + "\" is incompatible with the layer: expected ndim="
              + rank
              + ", found ndim="
              + inputShape.numDimensions()
              + ". Full shape received: "
              + Shapes.toKeras(inputShape));
    }
  }

  static <T extends TFloating> Operand<T> scalar(Ops tf, double value, Class<T> type) {
    return tf.dtypes.cast(tf.constant(value), type);
  }
}

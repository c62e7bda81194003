package io.keras4j.initializers;

import io.keras4j.layers.DTypePolicy;
import io.keras4j.utils.RandomSeed;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * The draws of {@code keras.random} ({@code uniform}, {@code normal}, {@code truncated_normal}) as
 * Keras' TensorFlow backend makes them: TensorFlow's stateless random ops, seeded with {@code
 * [seed, 0]}, then scaled and shifted in the weight's dtype.
 */
final class StatelessRandom {

  // Keras parity: the TensorFlow backend reduces the seed modulo int32.max - 1 (_cast_seed).
  private static final long SEED_MODULUS = Integer.MAX_VALUE - 1L;

  private StatelessRandom() {}

  /** Uniform in {@code [minval, maxval)}: {@code u * (maxval - minval) + minval}. */
  @SuppressWarnings("unchecked")
  static <T extends TType> Operand<T> uniform(
      Ops tf,
      Shape shape,
      Class<T> dtype,
      @Nullable Long seed,
      double minval,
      double maxval,
      String initializer) {
    return (Operand<T>) uniformOf(tf, shape, floating(dtype, initializer), seed, minval, maxval);
  }

  /** Normal with the given mean and standard deviation: {@code n * stddev + mean}. */
  @SuppressWarnings("unchecked")
  static <T extends TType> Operand<T> normal(
      Ops tf,
      Shape shape,
      Class<T> dtype,
      @Nullable Long seed,
      double mean,
      double stddev,
      String initializer) {
    Class<? extends TFloating> f = floating(dtype, initializer);
    return (Operand<T>)
        scaled(
            tf,
            tf.random.statelessRandomNormal(tf.constant(shape), seed(tf, seed), f),
            mean,
            stddev);
  }

  /**
   * Normal with the given mean and standard deviation before truncation, values beyond two standard
   * deviations redrawn: {@code t * stddev + mean}.
   */
  @SuppressWarnings("unchecked")
  static <T extends TType> Operand<T> truncatedNormal(
      Ops tf,
      Shape shape,
      Class<T> dtype,
      @Nullable Long seed,
      double mean,
      double stddev,
      String initializer) {
    Class<? extends TFloating> f = floating(dtype, initializer);
    return (Operand<T>)
        scaled(
            tf,
            tf.random.statelessTruncatedNormal(tf.constant(shape), seed(tf, seed), f),
            mean,
            stddev);
  }

  private static <F extends TFloating> Operand<F> uniformOf(
      Ops tf, Shape shape, Class<F> dtype, @Nullable Long seed, double minval, double maxval) {
    // Keras parity: the bounds are cast to the dtype before their difference is taken.
    Operand<F> min = tf.constant(dtype, minval);
    Operand<F> max = tf.constant(dtype, maxval);
    Operand<F> unit = tf.random.statelessRandomUniform(tf.constant(shape), seed(tf, seed), dtype);
    return tf.math.add(tf.math.mul(unit, tf.math.sub(max, min)), min);
  }

  private static <F extends TFloating> Operand<F> scaled(
      Ops tf, Operand<F> standard, double mean, double stddev) {
    return tf.math.add(
        tf.math.mul(standard, tf.constantOfSameType(standard, stddev)),
        tf.constantOfSameType(standard, mean));
  }

  /**
   * The stateless seed {@code [seed, 0]}. Without a seed, a fresh one for every call, drawn as
   * Keras' {@code make_default_seed} draws it.
   */
  private static Operand<TInt64> seed(Ops tf, @Nullable Long seed) {
    Long given = RandomSeed.orNext(seed);
    long s = given != null ? given : ThreadLocalRandom.current().nextLong(1, 1_000_000_001L);
    return tf.constant(new long[] {Math.floorMod(s, SEED_MODULUS), 0L});
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends TFloating> floating(Class<?> dtype, String initializer) {
    if (!TFloating.class.isAssignableFrom(dtype)) {
      throw new IllegalArgumentException(
          initializer
              + " draws random values and needs a floating-point dtype (float16, bfloat16, float32"
              + " or float64), received "
              + DTypePolicy.kerasName((Class<? extends TType>) dtype));
    }
    return (Class<? extends TFloating>) dtype;
  }
}

package io.keras4j.utils;

import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Keras' {@code keras.utils.set_random_seed}: after {@link #set}, everything random that was given
 * no seed of its own (initializers, dropout and noise layers, the shuffling of {@code fit}) draws
 * its seed from one sequence, so that building and training a model again in a new process gives
 * the same weights and the same results. Without it, each unseeded draw is seeded afresh, as in
 * Keras.
 *
 * <pre>{@code
 * RandomSeed.set(1);
 * Model model = buildModel(); // the same initial weights in every run
 * }</pre>
 *
 * <p>The seeds come from Java's generator, not Python's: a model gets the same weights in every
 * Java run, not the weights Keras would draw for the same seed.
 */
public final class RandomSeed {

  private static @Nullable Random sequence;

  private RandomSeed() {}

  /** Seeds every later unseeded draw from one sequence started at {@code seed}. */
  public static synchronized void set(long seed) {
    sequence = new Random(seed);
  }

  /** Goes back to seeding each unseeded draw afresh. */
  public static synchronized void clear() {
    sequence = null;
  }

  /**
   * The seed of a draw that was given none: the next one of the sequence after {@link #set}, or
   * {@code null}, which leaves the draw unseeded.
   */
  public static synchronized @Nullable Long next() {
    return sequence == null ? null : 1 + Math.floorMod(sequence.nextLong(), 1_000_000_000L);
  }

  /** {@code seed} if given, else {@link #next()}. */
  public static @Nullable Long orNext(@Nullable Long seed) {
    return seed != null ? seed : next();
  }
}

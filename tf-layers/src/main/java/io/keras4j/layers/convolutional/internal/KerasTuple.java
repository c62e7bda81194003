package io.keras4j.layers.convolutional.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.ndarray.Shape;

/**
 * Keras' {@code standardize_tuple} for window settings such as {@code kernel_size}, {@code
 * strides}, {@code dilation_rate} and {@code pool_size}: Keras accepts an int or a tuple and writes
 * the tuple back.
 */
public final class KerasTuple {

  private KerasTuple() {}

  /**
   * An unmodifiable list of the given values, for a config record; a config reader gives one
   * element for an int.
   */
  public static List<Integer> of(int... values) {
    List<Integer> out = new ArrayList<>(values.length);
    for (int v : values) out.add(v);
    return Collections.unmodifiableList(out);
  }

  /** An unmodifiable copy of a nullable list. */
  public static @Nullable List<Integer> copyOf(@Nullable List<Integer> values) {
    return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** Checks that every value is positive (or, if {@code allowZero}, non-negative). */
  public static void requirePositive(List<Integer> value, String name, boolean allowZero) {
    for (Integer v : value) {
      if (v == null || (allowZero ? v < 0 : v <= 0)) {
        throw new IllegalArgumentException(
            "The `"
                + name
                + "` argument must be a tuple of integers "
                + (allowZero ? ">= 0" : "> 0")
                + ". Received "
                + name
                + "="
                + value);
      }
    }
  }

  /**
   * The value as a tuple of {@code rank} integers: a single value is repeated, as Keras repeats an
   * int.
   */
  public static List<Integer> standardize(List<Integer> value, int rank, String name) {
    if (value.size() == rank) return value;
    if (value.size() == 1) return Collections.nCopies(rank, value.get(0));
    throw new IllegalArgumentException(
        "The `"
            + name
            + "` argument must be a tuple of "
            + rank
            + " integers. Received "
            + name
            + "="
            + value);
  }

  /** The values as an array. */
  public static int[] ints(List<Integer> value) {
    int[] out = new int[value.size()];
    for (int i = 0; i < out.length; i++) out[i] = value.get(i);
    return out;
  }

  /** The values as a shape, such as a kernel's spatial shape. */
  public static Shape shape(List<Integer> value) {
    return Shape.of(longs(value));
  }

  /** The same values as {@code long}s, for TensorFlow's attributes. */
  public static long[] longs(List<Integer> value) {
    long[] out = new long[value.size()];
    for (int i = 0; i < out.length; i++) out[i] = value.get(i);
    return out;
  }
}

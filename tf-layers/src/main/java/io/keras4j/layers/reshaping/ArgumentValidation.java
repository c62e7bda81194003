package io.keras4j.layers.reshaping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The argument forms Keras' reshaping layers accept, normalized as Keras normalizes them (Keras'
 * {@code argument_validation.standardize_tuple} and {@code backend.standardize_data_format}), so a
 * config writes back what Keras writes.
 */
final class ArgumentValidation {

  static final String CHANNELS_LAST = "channels_last";
  static final String CHANNELS_FIRST = "channels_first";

  private static final String[] ORDINALS = {"1st", "2nd", "3rd"};

  private ArgumentValidation() {}

  /** Keras' {@code standardize_data_format}: {@code null} means {@code channels_last}. */
  static String dataFormat(String layer, @Nullable String value) {
    if (value == null) return CHANNELS_LAST;
    String v = value.toLowerCase(Locale.ROOT);
    if (!v.equals(CHANNELS_LAST) && !v.equals(CHANNELS_FIRST)) {
      throw new IllegalArgumentException(
          layer
              + ": the `data_format` argument must be one of {'channels_first', 'channels_last'}."
              + " Received: data_format="
              + value);
    }
    return v;
  }

  /** Keras' {@code standardize_tuple}: an int (repeated {@code n} times) or a list of n ints. */
  static List<Integer> tuple(String layer, JsonNode value, int n, String name, boolean allowZero) {
    if (value.isIntegralNumber()) {
      return tuple(layer, Collections.nCopies(n, value.asInt()), n, name, allowZero);
    }
    if (!value.isArray() || value.size() != n) {
      throw notATuple(layer, value.toString(), n, name);
    }
    List<Integer> out = new ArrayList<>(n);
    for (JsonNode e : value) {
      if (!e.isIntegralNumber()) throw notATuple(layer, value.toString(), n, name);
      out.add(e.asInt());
    }
    return tuple(layer, out, n, name, allowZero);
  }

  /** Checks a tuple of {@code n} ints, each {@code >= 0} (or {@code > 0}); returns a copy. */
  static List<Integer> tuple(
      String layer, @Nullable List<Integer> values, int n, String name, boolean allowZero) {
    if (values == null || values.size() != n || values.stream().anyMatch(Objects::isNull)) {
      throw notATuple(layer, String.valueOf(values), n, name);
    }
    for (int v : values) {
      if (allowZero ? v < 0 : v <= 0) {
        throw new IllegalArgumentException(
            layer
                + ": the `"
                + name
                + "` argument must be a tuple of "
                + n
                + " integers, each "
                + (allowZero ? ">= 0" : "> 0")
                + ". Received "
                + name
                + "="
                + values);
      }
    }
    return List.copyOf(values);
  }

  /**
   * The forms Keras' 2D and 3D cropping and padding layers accept: an int for every side, a list of
   * {@code n} ints (symmetric per dimension), or a list of {@code n} pairs {@code (before, after)}.
   * Returns the pairs.
   */
  static List<List<Integer>> pairs(String layer, JsonNode value, int n, String name) {
    if (value.isIntegralNumber()) {
      return pairs(layer, symmetric(n, value.asInt()), n, name);
    }
    if (!value.isArray() || value.size() != n) {
      throw new IllegalArgumentException(
          layer
              + ": `"
              + name
              + "` should be an int, a tuple of "
              + n
              + " ints or a tuple of "
              + n
              + " tuples of 2 ints. Received: "
              + name
              + "="
              + value);
    }
    List<List<Integer>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(tuple(layer, value.get(i), 2, ORDINALS[i] + " entry of " + name, true));
    }
    return List.copyOf(out);
  }

  /** Checks {@code n} pairs of ints {@code >= 0}; returns a deep copy. */
  static List<List<Integer>> pairs(
      String layer, @Nullable List<List<Integer>> values, int n, String name) {
    if (values == null || values.size() != n) {
      throw new IllegalArgumentException(
          layer + ": `" + name + "` should have " + n + " elements. Received: " + values);
    }
    List<List<Integer>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(tuple(layer, values.get(i), 2, ORDINALS[i] + " entry of " + name, true));
    }
    return List.copyOf(out);
  }

  /** {@code n} pairs {@code (v, v)}. */
  static List<List<Integer>> symmetric(int n, int... perDimension) {
    List<List<Integer>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int v = perDimension.length == 1 ? perDimension[0] : perDimension[i];
      out.add(List.of(v, v));
    }
    return out;
  }

  private static IllegalArgumentException notATuple(
      String layer, String received, int n, String name) {
    return new IllegalArgumentException(
        layer
            + ": the `"
            + name
            + "` argument must be a tuple of "
            + n
            + " integers. Received "
            + name
            + "="
            + received);
  }
}

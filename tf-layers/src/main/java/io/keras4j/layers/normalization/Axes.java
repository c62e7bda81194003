package io.keras4j.layers.normalization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code axis} argument of a normalization layer: one axis or a list of axes, negative ones
 * counting from the end. Keras accepts both forms and writes back the form it was given, so this
 * type remembers it: {@code -1} stays {@code -1}, {@code [-1]} stays {@code [-1]}.
 *
 * <pre>{@code
 * Axes.of(-1);          // "axis": -1
 * Axes.list(-2, -1);    // "axis": [-2, -1]
 * }</pre>
 *
 * @param values the axes as given
 * @param isList whether the config holds a list rather than a single integer
 */
public record Axes(List<Integer> values, boolean isList) {

  public Axes {
    values = List.copyOf(values);
    if (!isList && values.size() != 1) {
      throw new IllegalArgumentException(
          "A single axis needs exactly one value, received " + values);
    }
  }

  /** One axis, written as an integer. */
  public static Axes of(int axis) {
    return new Axes(List.of(axis), false);
  }

  /** A list of axes, written as a list (possibly of one). */
  public static Axes list(int... axes) {
    return new Axes(Arrays.stream(axes).boxed().toList(), true);
  }

  /** Reads an int or a list of ints, as Keras' layers accept them. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Axes fromJson(JsonNode node) {
    if (node.isIntegralNumber()) {
      return of(node.intValue());
    }
    if (node.isArray()) {
      List<Integer> axes = new ArrayList<>();
      for (JsonNode a : node) {
        if (!a.isIntegralNumber()) {
          throw invalid(node);
        }
        axes.add(a.intValue());
      }
      return new Axes(axes, true);
    }
    throw invalid(node);
  }

  private static IllegalArgumentException invalid(JsonNode node) {
    return new IllegalArgumentException(
        "Expected an int or a list/tuple of ints for the argument 'axis', but received: " + node);
  }

  /** The value Keras writes: an integer or a list. */
  @JsonValue
  public Object toJson() {
    return isList ? values : values.get(0);
  }

  /**
   * The axes made non-negative for a tensor of {@code rank} dimensions and sorted, as Keras' {@code
   * canonicalize_axes} followed by {@code sorted}; out-of-range and duplicate axes fail in Keras'
   * words.
   */
  public int[] canonical(int rank) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      int a = values.get(i);
      if (a < -rank || a >= rank) {
        throw new IllegalArgumentException(
            "axis " + a + " is out of bounds for an array with dimension " + rank + ".");
      }
      out[i] = a < 0 ? a + rank : a;
    }
    Arrays.sort(out);
    for (int i = 1; i < out.length; i++) {
      if (out[i] == out[i - 1]) {
        throw new IllegalArgumentException(
            "Duplicate axes are not allowed. Received: axis=" + toJson());
      }
    }
    return out;
  }

  /** Checks that every axis fits a tensor of {@code rank} dimensions, in Keras' words. */
  public void checkBounds(int rank, String inputShape) {
    for (int a : values) {
      if (a >= rank || a < -rank) {
        throw new IllegalArgumentException(
            "Axis "
                + a
                + " is out of bounds for input shape "
                + inputShape
                + ". Received: axis="
                + toJson());
      }
    }
  }

  @Override
  public String toString() {
    return String.valueOf(toJson());
  }
}

package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code thresholds} argument of Keras' confusion metrics: one value or a list, written back as
 * it was given ({@code 0.5} or {@code [0.5]}).
 *
 * @param values the thresholds, at least one
 * @param scalar whether Keras was given a single number rather than a list
 */
public record Thresholds(List<Double> values, boolean scalar) {

  public Thresholds {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one threshold, received none");
    }
    if (scalar && values.size() != 1) {
      throw new IllegalArgumentException("A scalar threshold has one value, received " + values);
    }
  }

  /** A single threshold, Keras' {@code thresholds=0.5}. */
  public static Thresholds of(double value) {
    return new Thresholds(List.of(value), true);
  }

  /** A list of thresholds, Keras' {@code thresholds=[0.2, 0.5, 0.8]}. */
  public static Thresholds list(double... values) {
    List<Double> v = new ArrayList<>();
    for (double x : values) v.add(x);
    return new Thresholds(v, false);
  }

  /** The values as an array. */
  public double[] toArray() {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Keras' {@code assert_thresholds_range}.
   *
   * @throws IllegalArgumentException when a threshold is outside {@code [0, 1]}
   */
  Thresholds requireInUnitInterval() {
    List<Double> invalid = values.stream().filter(t -> !(t >= 0 && t <= 1)).toList();
    if (!invalid.isEmpty()) {
      throw new IllegalArgumentException(
          "Threshold values must be in [0, 1]. Received: " + invalid);
    }
    return this;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Thresholds fromJson(JsonNode json) {
    if (json.isNumber()) {
      return of(json.asDouble());
    }
    if (!json.isArray()) {
      throw new IllegalArgumentException(
          "Expected thresholds as a number or a list, found " + json);
    }
    List<Double> v = new ArrayList<>();
    for (JsonNode t : json) v.add(t.asDouble());
    return new Thresholds(v, false);
  }

  @JsonValue
  JsonNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (scalar) {
      return f.numberNode(values.get(0));
    }
    ArrayNode a = f.arrayNode();
    values.forEach(a::add);
    return a;
  }
}

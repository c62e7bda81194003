package io.keras4j.layers.preprocessing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * A number or an array of numbers given in a layer's config, such as {@code Rescaling}'s {@code
 * scale} or {@code Normalization}'s {@code mean}. Keras writes a Python number as a number, a list
 * as a (nested) list, and a NumPy array or a tensor as {@code {"class_name": "__numpy__", "config":
 * {"value": [...], "dtype": "float32"}}} ({@code __tensor__} likewise); the form read is the form
 * written back.
 *
 * <pre>{@code
 * ConstantArray.scalar(1 / 255.0);          // "scale": 0.00392156862745098
 * ConstantArray.vector(0.5, -1.0, 2.0);     // "mean": [0.5, -1.0, 2.0]
 * }</pre>
 *
 * @param values the numbers in row-major order
 * @param dimensions the array's shape; empty for a number
 * @param encoding how Keras wrote the value
 * @param dtype the NumPy or tensor dtype Keras wrote with an encoded array, else {@code null}
 */
public record ConstantArray(
    List<Double> values, List<Long> dimensions, Encoding encoding, @Nullable String dtype) {

  /** How Keras wrote the value. */
  public enum Encoding {
    /** A number or a (nested) list of numbers. */
    PLAIN,
    /** {@code {"class_name": "__numpy__", ...}}: a NumPy array. */
    NUMPY,
    /** {@code {"class_name": "__tensor__", ...}}: a backend tensor. */
    TENSOR
  }

  public ConstantArray {
    values = List.copyOf(values);
    dimensions = List.copyOf(dimensions);
    Objects.requireNonNull(encoding, "encoding");
    long size = 1;
    for (long d : dimensions) size *= d;
    if (size != values.size()) {
      throw new IllegalArgumentException(
          "An array of shape "
              + dimensions
              + " needs "
              + size
              + " values, received "
              + values.size());
    }
  }

  /** A single number. */
  public static ConstantArray scalar(double value) {
    return new ConstantArray(List.of(value), List.of(), Encoding.PLAIN, null);
  }

  /** A list of numbers. */
  public static ConstantArray vector(double... values) {
    return new ConstantArray(
        Arrays.stream(values).boxed().toList(),
        List.of((long) values.length),
        Encoding.PLAIN,
        null);
  }

  /** Reads a number, a nested list of numbers, or Keras' {@code __numpy__}/{@code __tensor__}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ConstantArray fromJson(JsonNode node) {
    Encoding encoding = Encoding.PLAIN;
    String dtype = null;
    JsonNode value = node;
    if (node.isObject()) {
      String className = node.path("class_name").asText();
      encoding =
          switch (className) {
            case "__numpy__" -> Encoding.NUMPY;
            case "__tensor__" -> Encoding.TENSOR;
            default -> throw invalid(node);
          };
      value = node.path("config").path("value");
      dtype =
          node.path("config").path("dtype").isTextual()
              ? node.path("config").get("dtype").asText()
              : null;
    }
    List<Long> dims = new ArrayList<>();
    for (JsonNode n = value; n.isArray(); n = n.path(0)) {
      dims.add((long) n.size());
      if (n.isEmpty()) break;
    }
    List<Double> values = new ArrayList<>();
    flatten(value, 0, dims, values, node);
    return new ConstantArray(values, dims, encoding, dtype);
  }

  private static void flatten(
      JsonNode n, int depth, List<Long> dims, List<Double> out, JsonNode whole) {
    if (depth == dims.size()) {
      if (!n.isNumber()) throw invalid(whole);
      out.add(n.doubleValue());
      return;
    }
    if (!n.isArray() || n.size() != dims.get(depth)) throw invalid(whole);
    for (JsonNode child : n) flatten(child, depth + 1, dims, out, whole);
  }

  private static IllegalArgumentException invalid(JsonNode node) {
    String s = node.toString();
    return new IllegalArgumentException(
        "Expected a number, a rectangular nested list of numbers or a __numpy__ array, received: "
            + (s.length() > 120 ? s.substring(0, 117) + "..." : s));
  }

  /** The value as Keras writes it. */
  @JsonValue
  public JsonNode toJson() {
    JsonNode plain = nested(0, 0);
    if (encoding == Encoding.PLAIN) return plain;
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("class_name", encoding == Encoding.NUMPY ? "__numpy__" : "__tensor__");
    ObjectNode config = n.putObject("config");
    config.set("value", plain);
    config.put("dtype", dtype);
    return n;
  }

  private JsonNode nested(int depth, int offset) {
    if (depth == dimensions.size()) {
      return JsonNodeFactory.instance.numberNode(values.get(offset));
    }
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    int stride = 1;
    for (int d = depth + 1; d < dimensions.size(); d++) stride *= dimensions.get(d).intValue();
    for (int i = 0; i < dimensions.get(depth); i++) a.add(nested(depth + 1, offset + i * stride));
    return a;
  }

  /** The array's shape ({@link Shape#scalar()} for a number). */
  public Shape shape() {
    return Shape.of(dimensions.stream().mapToLong(Long::longValue).toArray());
  }

  public int rank() {
    return dimensions.size();
  }

  /** The values as a float64 constant of the array's shape. */
  public Operand<TFloat64> constant(Ops tf) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    if (dimensions.isEmpty()) return tf.constant(v[0]);
    return tf.reshape(tf.constant(v), tf.constant(shape().asArray()));
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}

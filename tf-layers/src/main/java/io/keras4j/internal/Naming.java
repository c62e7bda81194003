package io.keras4j.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Keras' naming rules: snake-case class names, unique layer names, valid TensorFlow op names. */
public final class Naming {

  private static final Pattern CAMEL_1 = Pattern.compile("(.)([A-Z][a-z]+)");
  private static final Pattern CAMEL_2 = Pattern.compile("([a-z])([A-Z])");
  private static final Pattern INVALID_OP_CHARS = Pattern.compile("[^A-Za-z0-9_.\\-]");
  private static final Map<String, Integer> COUNTERS = new HashMap<>();

  private Naming() {}

  /**
   * Keras' {@code to_snake_case}: {@code Conv2D} becomes {@code conv2d}, {@code MultiHeadAttention}
   * becomes {@code multi_head_attention}.
   */
  public static String toSnakeCase(String name) {
    String s = CAMEL_1.matcher(name).replaceAll("$1_$2");
    s = CAMEL_2.matcher(s).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    if (s.startsWith("_")) {
      s = "private" + s;
    }
    return s;
  }

  /**
   * A process-wide unique name for a new layer of the given class, as Keras' auto-naming: {@code
   * dense}, {@code dense_1}, {@code dense_2}, ...
   */
  public static synchronized String uniqueLayerName(String className) {
    String base = toSnakeCase(className);
    int n = COUNTERS.merge(base, 1, Integer::sum) - 1;
    return n == 0 ? base : base + "_" + n;
  }

  /** Turns a Keras name into a valid TensorFlow op name. */
  public static String opName(String name) {
    String s = INVALID_OP_CHARS.matcher(name).replaceAll("_");
    if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) && s.charAt(0) != '.') {
      s = "x" + s;
    }
    return s;
  }
}

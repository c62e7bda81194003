package io.keras4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares Keras JSON documents as Keras means them: object keys in any order, numbers by value
 * ({@code 3} equals {@code 3.0}, and {@code 0.10000000149011612} must come back as the same
 * double), everything else exactly. A mismatch names its JSON path.
 */
public final class JsonAssert {

  private JsonAssert() {}

  /** Fails unless {@code actual} equals {@code expected} in Keras' sense. */
  public static void assertJsonEquals(JsonNode expected, JsonNode actual) {
    compare(expected, actual, "$");
  }

  private static void compare(JsonNode expected, JsonNode actual, String path) {
    if (expected.isNumber() && actual.isNumber()) {
      if (!sameNumber(expected, actual)) {
        fail(path + ": expected " + expected + " but was " + actual);
      }
      return;
    }
    if (expected.getNodeType() != actual.getNodeType()) {
      fail(path + ": expected " + expected + " but was " + actual);
    }
    if (expected.isObject()) {
      TreeSet<String> want = new TreeSet<>();
      expected.fieldNames().forEachRemaining(want::add);
      TreeSet<String> got = new TreeSet<>();
      actual.fieldNames().forEachRemaining(got::add);
      if (!want.equals(got)) {
        fail(path + ": expected keys " + want + " but were " + got);
      }
      for (Map.Entry<String, JsonNode> e : expected.properties()) {
        compare(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey());
      }
    } else if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        fail(path + ": expected " + expected.size() + " elements but were " + actual.size());
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(expected.get(i), actual.get(i), path + "[" + i + "]");
      }
    } else if (!expected.equals(actual)) {
      fail(path + ": expected " + expected + " but was " + actual);
    }
  }

  private static boolean sameNumber(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().equals(b.bigIntegerValue());
    }
    // A float written by Python and by Java may differ in its digits, never in its double.
    return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
  }
}

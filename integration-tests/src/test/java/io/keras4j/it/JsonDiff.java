package io.keras4j.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differences between two Keras JSON documents, as paths: numbers compare by value (Keras
 * writes {@code 3} where Java writes {@code 3.0}), objects by keys regardless of order, and keys
 * listed as ignored are skipped wherever they appear.
 */
final class JsonDiff {

  private JsonDiff() {}

  static List<String> diff(JsonNode expected, JsonNode actual, Set<String> ignoredKeys) {
    List<String> out = new ArrayList<>();
    diff("", expected, actual, ignoredKeys, out);
    return out;
  }

  private static void diff(
      String path, JsonNode e, JsonNode a, Set<String> ignored, List<String> out) {
    if (e.isNumber() && a.isNumber()) {
      if (e.decimalValue().compareTo(a.decimalValue()) != 0
          && Double.compare(e.doubleValue(), a.doubleValue()) != 0) {
        out.add(path + ": expected " + e + ", found " + a);
      }
      return;
    }
    if (e.isObject() && a.isObject()) {
      Set<String> keys = new TreeSet<>();
      e.fieldNames().forEachRemaining(keys::add);
      a.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        if (ignored.contains(k)) continue;
        String p = path.isEmpty() ? k : path + "." + k;
        if (!e.has(k)) {
          out.add(p + ": unexpected key, value " + abbreviate(a.get(k)));
        } else if (!a.has(k)) {
          out.add(p + ": missing, expected " + abbreviate(e.get(k)));
        } else {
          diff(p, e.get(k), a.get(k), ignored, out);
        }
      }
      return;
    }
    if (e.isArray() && a.isArray()) {
      if (e.size() != a.size()) {
        out.add(path + ": expected " + e.size() + " elements, found " + a.size());
        return;
      }
      Iterator<JsonNode> ie = e.elements();
      Iterator<JsonNode> ia = a.elements();
      for (int i = 0; ie.hasNext(); i++)
        diff(path + "[" + i + "]", ie.next(), ia.next(), ignored, out);
      return;
    }
    if (!e.equals(a)) {
      out.add(path + ": expected " + abbreviate(e) + ", found " + abbreviate(a));
    }
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 100 ? s.substring(0, 97) + "..." : s;
  }
}

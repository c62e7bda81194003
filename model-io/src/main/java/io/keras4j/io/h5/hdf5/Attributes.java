package io.keras4j.io.h5.hdf5;

import java.util.LinkedHashMap;
import java.util.Map;

/** The attributes of a group or dataset, by name; setting a name again replaces its value. */
final class Attributes {

  private final Map<String, AttributeValue> values = new LinkedHashMap<>();

  void put(String name, Object value) {
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "Expected an attribute name that is not empty and has no NUL character, received '"
              + name
              + "'");
    }
    Utf8.encode(name, "the attribute name '" + name + "'");
    values.put(name, AttributeValue.of(name, value));
  }

  /** The attributes in the order they were first set. */
  Map<String, AttributeValue> values() {
    return values;
  }
}

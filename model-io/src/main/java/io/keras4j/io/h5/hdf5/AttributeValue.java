package io.keras4j.io.h5.hdf5;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The value of an attribute: variable-length UTF-8 strings, or numbers stored inline. */
sealed interface AttributeValue {

  /**
   * h5py's {@code str} ({@code scalar}) or object array of {@code str}: each string's UTF-8 bytes
   * go to a global heap, and the attribute holds their heap IDs.
   */
  record Strings(List<byte[]> utf8, boolean scalar) implements AttributeValue {}

  /** A numeric scalar or array, stored in the attribute message itself. */
  record Numbers(Hdf5Array array) implements AttributeValue {}

  /** The value for what {@link Hdf5Group#attribute} accepts. */
  static AttributeValue of(String name, Object value) {
    Objects.requireNonNull(value, () -> "The value of attribute '" + name + "' is null");
    if (value instanceof String s) {
      return new Strings(List.of(utf8(name, s)), true);
    }
    if (value instanceof String[] strings) {
      return strings(name, Arrays.asList(strings));
    }
    if (value instanceof List<?> list) {
      return strings(name, list);
    }
    if (value instanceof Hdf5Array array) {
      return new Numbers(array);
    }
    try {
      return new Numbers(Hdf5Array.of(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Attribute '"
              + name
              + "': expected a String, a String[] or List of Strings, an Hdf5Array, a primitive"
              + " array or a boxed scalar; "
              + e.getMessage(),
          e);
    }
  }

  private static Strings strings(String name, List<?> values) {
    List<byte[]> utf8 = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      if (!(values.get(i) instanceof String s)) {
        throw new IllegalArgumentException(
            "Attribute '"
                + name
                + "': expected strings, received "
                + (values.get(i) == null ? "null" : values.get(i).getClass().getName())
                + " at index "
                + i);
      }
      utf8.add(utf8(name, s));
    }
    return new Strings(List.copyOf(utf8), false);
  }

  private static byte[] utf8(String name, String s) {
    return Utf8.encode(s, "attribute '" + name + "'");
  }
}

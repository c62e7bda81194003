package io.keras4j.io.h5;

import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads HDF5 attributes as Keras writes them: strings that are variable-length (Keras 3) or
 * fixed-length byte strings (Keras 2), and string lists that Keras 2 splits into numbered chunks
 * ({@code layer_names0}, {@code layer_names1}, ...) when they exceed HDF5's attribute size limit.
 */
public final class H5Attributes {

  private H5Attributes() {}

  /** A string attribute, or {@code null} when absent. */
  public static @Nullable String string(Node node, String name) {
    Attribute a = node.getAttribute(name);
    if (a == null) return null;
    List<String> values = strings(a.getData());
    return values.isEmpty() ? null : values.get(0);
  }

  /**
   * A list-of-strings attribute such as {@code layer_names} or {@code weight_names}, joined from
   * Keras 2's numbered chunks where the file splits it; empty when absent.
   */
  public static List<String> stringList(Node node, String name) {
    Attribute a = node.getAttribute(name);
    if (a != null) return strings(a.getData());
    List<String> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      Attribute chunk = node.getAttribute(name + i);
      if (chunk == null) break;
      out.addAll(strings(chunk.getData()));
    }
    return out;
  }

  /** Whether the node has the attribute, whole or in Keras 2's chunks. */
  public static boolean has(Node node, String name) {
    return node.getAttribute(name) != null || node.getAttribute(name + "0") != null;
  }

  private static List<String> strings(@Nullable Object data) {
    List<String> out = new ArrayList<>();
    collect(data, out);
    return out;
  }

  private static void collect(@Nullable Object data, List<String> out) {
    if (data == null) return;
    if (data instanceof String s) {
      out.add(s);
    } else if (data instanceof byte[] b) {
      out.add(new String(b, StandardCharsets.UTF_8).replace("\0", ""));
    } else if (data.getClass().isArray() && !data.getClass().getComponentType().isPrimitive()) {
      for (int i = 0; i < Array.getLength(data); i++) collect(Array.get(data, i), out);
    }
    // Numeric arrays (h5py writes an empty float64 array for an empty name list) add nothing.
  }
}

package io.keras4j.it;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The structure of an HDF5 file as a sorted map from path to description: groups with their
 * attributes, datasets with their dtype, shape and attributes. Strings are compared as text whether
 * stored variable-length (h5py) or fixed-length (jHDF).
 */
final class H5Tree {

  private H5Tree() {}

  static Map<String, String> of(Path file) {
    Map<String, String> out = new TreeMap<>();
    try (HdfFile h5 = new HdfFile(file)) {
      walk(h5, out);
    }
    return out;
  }

  private static void walk(Group g, Map<String, String> out) {
    out.put(g.getPath(), "group " + attributes(g));
    for (Node n : g.getChildren().values()) {
      if (n instanceof Group child) {
        walk(child, out);
      } else if (n instanceof Dataset d) {
        out.put(
            d.getPath(),
            "dataset "
                + d.getJavaType().getSimpleName()
                + Arrays.toString(d.getDimensions())
                + " "
                + attributes(d));
      }
    }
  }

  private static Map<String, String> attributes(Node n) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, Attribute> a : n.getAttributes().entrySet()) {
      out.put(a.getKey(), text(a.getValue().getData()));
    }
    return out;
  }

  static String text(Object data) {
    if (data == null) return "null";
    if (data instanceof byte[] b) return new String(b, StandardCharsets.UTF_8);
    if (data.getClass().isArray()) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(data); i++) items.add(text(Array.get(data, i)));
      return items.toString();
    }
    return data.toString();
  }
}

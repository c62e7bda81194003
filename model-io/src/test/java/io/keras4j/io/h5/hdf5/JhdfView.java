package io.keras4j.io.h5.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.VariableLength;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * jHDF's view of an HDF5 file as text, one line per group, dataset and attribute: the names,
 * children in the order jHDF lists them, types in full, dimensions and values. Two files that
 * readers cannot tell apart have the same view.
 */
final class JhdfView {

  private JhdfView() {}

  static String of(Path file) {
    try (HdfFile hdf = new HdfFile(file)) {
      List<String> lines = new ArrayList<>();
      visit(hdf, lines);
      return String.join("\n", lines);
    }
  }

  private static void visit(Node node, List<String> lines) {
    if (node instanceof Group g) {
      lines.add("group " + g.getPath() + " children " + g.getChildren().keySet());
      attributes(node, lines);
      for (Node child : g.getChildren().values()) {
        visit(child, lines);
      }
    } else if (node instanceof Dataset d) {
      lines.add(
          "dataset "
              + d.getPath()
              + " "
              + type(d.getDataType())
              + shape(d.getDimensions(), d.isScalar(), d.isEmpty())
              + " = "
              + (d.isEmpty() ? "(empty)" : value(d.getData())));
      attributes(node, lines);
    } else {
      lines.add("other " + node.getPath() + " " + node.getType());
    }
  }

  /** Attributes sorted by name: h5py lists them so, whatever their order in the file. */
  private static void attributes(Node node, List<String> lines) {
    Map<String, Attribute> sorted = new TreeMap<>(node.getAttributes());
    for (Attribute a : sorted.values()) {
      lines.add(
          "  @"
              + a.getName()
              + " "
              + type(a.getDataType())
              + shape(a.getDimensions(), a.isScalar(), a.isEmpty())
              + " = "
              + (a.isEmpty() ? "(empty)" : value(a.getData())));
    }
  }

  static String type(DataType t) {
    String common = t.getClass().getSimpleName() + "(size " + t.getSize();
    if (t instanceof FixedPoint f) {
      return common
          + (f.isSigned() ? " signed" : " unsigned")
          + " "
          + f.getByteOrder()
          + " offset "
          + f.getBitOffset()
          + " precision "
          + f.getBitPrecision()
          + ")";
    }
    if (t instanceof FloatingPoint f) {
      return common
          + " "
          + f.getByteOrder()
          + " sign "
          + f.getSignLocation()
          + " exponent "
          + f.getExponentLocation()
          + "+"
          + f.getExponentSize()
          + " bias "
          + f.getExponentBias()
          + " mantissa "
          + f.getMantissaLocation()
          + "+"
          + f.getMantissaSize()
          + " normalization "
          + f.getMantissaNormalization()
          + ")";
    }
    if (t instanceof EnumDataType e) {
      return common
          + " of "
          + type(e.getBaseType())
          + " "
          + new TreeMap<>(e.getEnumMapping())
          + ")";
    }
    if (t instanceof VariableLength v) {
      return common
          + (v.isVariableLengthString() ? " string " : " sequence ")
          + v.getEncoding()
          + " "
          + v.getPaddingType()
          + " of "
          + type(v.getParent())
          + ")";
    }
    return common + ")";
  }

  private static String shape(int[] dims, boolean scalar, boolean empty) {
    return (scalar ? " scalar" : " " + Arrays.toString(dims)) + (empty ? " empty" : "");
  }

  static String value(Object data) {
    String s = Arrays.deepToString(new Object[] {data});
    return s.substring(1, s.length() - 1) + " (" + data.getClass().getSimpleName() + ")";
  }
}

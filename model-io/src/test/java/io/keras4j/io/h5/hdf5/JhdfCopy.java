package io.keras4j.io.h5.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The tree of a file as jHDF reads it, rebuilt as an {@link Hdf5Group}: groups, numeric datasets
 * and attributes of the types {@link Hdf5Writer} writes, and strings (written back as
 * variable-length UTF-8).
 */
final class JhdfCopy {

  private JhdfCopy() {}

  static Hdf5Group of(Path file) {
    try (HdfFile hdf = new HdfFile(file)) {
      Hdf5Group root = new Hdf5Group();
      copy(hdf, root);
      return root;
    }
  }

  private static void copy(Group from, Hdf5Group to) {
    attributes(from, to::attribute);
    for (Node node : from.getChildren().values()) {
      if (node instanceof Group g) {
        copy(g, to.group(g.getName()));
      } else {
        Dataset d = (Dataset) node;
        Hdf5Dataset copy =
            to.dataset(
                d.getName(),
                array(d.getDataType(), d.isEmpty() ? null : d.getData(), d.getDimensions()));
        attributes(d, copy::attribute);
      }
    }
  }

  private static void attributes(Node node, BiConsumer<String, Object> put) {
    for (Attribute a : node.getAttributes().values()) {
      DataType t = a.getDataType();
      if (t instanceof VariableLength || t instanceof StringData) {
        put.accept(a.getName(), a.isEmpty() ? new String[0] : a.getData());
      } else {
        put.accept(a.getName(), array(t, a.isEmpty() ? null : a.getData(), a.getDimensions()));
      }
    }
  }

  private static Hdf5Array array(DataType t, Object data, int[] dims) {
    Hdf5Type type = type(t);
    if (data == null) {
      return Hdf5Array.of(
          type, ByteBuffer.allocate(0), Arrays.stream(dims).asLongStream().toArray());
    }
    return Hdf5Array.of(type, data);
  }

  private static Hdf5Type type(DataType t) {
    if (t instanceof FloatingPoint) {
      return switch (t.getSize()) {
        case 2 -> Hdf5Type.FLOAT16;
        case 4 -> Hdf5Type.FLOAT32;
        default -> Hdf5Type.FLOAT64;
      };
    }
    if (t instanceof FixedPoint f && f.isSigned()) {
      return switch (t.getSize()) {
        case 1 -> Hdf5Type.INT8;
        case 2 -> Hdf5Type.INT16;
        case 4 -> Hdf5Type.INT32;
        default -> Hdf5Type.INT64;
      };
    }
    throw new IllegalArgumentException("JhdfCopy does not copy " + JhdfView.type(t));
  }
}

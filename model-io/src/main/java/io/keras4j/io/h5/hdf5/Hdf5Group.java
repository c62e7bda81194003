package io.keras4j.io.h5.hdf5;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A group of an HDF5 file being built: named child groups and datasets, and attributes.
 *
 * <p>A new {@code Hdf5Group} is the root of a file for {@link Hdf5Writer#write}. Children and
 * attributes are kept in insertion order here; the file lists them sorted by the bytes of their
 * UTF-8 names, the order in which h5py (and the HDF5 library's name index) lists them, so jHDF,
 * which lists them in file order, shows the same order as h5py.
 *
 * <pre>{@code
 * Hdf5Group root = new Hdf5Group();
 * root.attribute("model_config", json);
 * Hdf5Group dense = root.group("model_weights").group("dense");
 * dense.attribute("weight_names", new String[] {"dense/kernel:0", "dense/bias:0"});
 * dense.group("dense").dataset("kernel:0", new float[][] {{1f, 2f}});
 * Hdf5Writer.write(file, root);
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class Hdf5Group {

  /** {@link Hdf5Group}s and {@link Hdf5Dataset}s by name. */
  private final Map<String, Object> children = new LinkedHashMap<>();

  private final Attributes attributes = new Attributes();

  public Hdf5Group() {}

  /**
   * The child group {@code name}, created if it does not exist yet, as h5py's {@code
   * require_group}.
   *
   * @throws IllegalArgumentException if {@code name} is a dataset, or not a valid link name
   */
  public Hdf5Group group(String name) {
    checkName(name);
    Object child = children.computeIfAbsent(name, k -> new Hdf5Group());
    if (child instanceof Hdf5Group g) {
      return g;
    }
    throw new IllegalArgumentException(
        "Expected '" + name + "' to be a group, but it is already a dataset");
  }

  /**
   * Adds the dataset {@code name} holding {@code data}: an {@link Hdf5Array}, or anything {@link
   * Hdf5Array#of(Object)} takes (a primitive array of any rank, or a boxed scalar).
   *
   * @throws IllegalArgumentException if {@code name} exists already or is not a valid link name
   */
  public Hdf5Dataset dataset(String name, Object data) {
    checkName(name);
    Objects.requireNonNull(data, () -> "The data of dataset '" + name + "' is null");
    if (children.containsKey(name)) {
      throw new IllegalArgumentException(
          "Cannot add the dataset '" + name + "': the group already has a child of that name");
    }
    Hdf5Dataset dataset = new Hdf5Dataset(data instanceof Hdf5Array a ? a : Hdf5Array.of(data));
    children.put(name, dataset);
    return dataset;
  }

  /**
   * Sets the attribute {@code name}, replacing any earlier value. The value is a {@code String}
   * (h5py's variable-length UTF-8 {@code str}), a {@code String[]} or a {@code List} of strings
   * (h5py's object array of {@code str}, as Keras' {@code layer_names}), an {@link Hdf5Array}, or
   * anything {@link Hdf5Array#of(Object)} takes: a boxed scalar or a primitive array, including
   * {@code new double[0]}, the empty float64 array Keras writes as the {@code weight_names} of a
   * layer without weights.
   */
  public Hdf5Group attribute(String name, Object value) {
    attributes.put(name, value);
    return this;
  }

  Map<String, Object> children() {
    return children;
  }

  Attributes attributes() {
    return attributes;
  }

  /** HDF5 link names cannot be empty, contain {@code /} or NUL, or be {@code .}. */
  private static void checkName(String name) {
    if (name.isEmpty() || name.equals(".") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "Expected a link name that is not empty or '.' and has no '/' or NUL, received '"
              + name
              + "'");
    }
    Utf8.encode(name, "the link name '" + name + "'");
  }
}

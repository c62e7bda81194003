package io.keras4j.io.h5.hdf5;

/**
 * A dataset of an HDF5 file being built: its {@link Hdf5Array} of elements, stored contiguously,
 * and its attributes. Created by {@link Hdf5Group#dataset}.
 */
public final class Hdf5Dataset {

  private final Hdf5Array data;
  private final Attributes attributes = new Attributes();

  Hdf5Dataset(Hdf5Array data) {
    this.data = data;
  }

  public Hdf5Array data() {
    return data;
  }

  /** Sets the attribute {@code name}, with the values {@link Hdf5Group#attribute} takes. */
  public Hdf5Dataset attribute(String name, Object value) {
    attributes.put(name, value);
    return this;
  }

  Attributes attributes() {
    return attributes;
  }
}

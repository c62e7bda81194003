/**
 * A small HDF5 writer for the subset of the format that Keras' files use: groups, contiguous
 * numeric datasets, and attributes holding variable-length UTF-8 strings, string arrays or numbers.
 *
 * <p>Build a tree with {@link io.keras4j.io.h5.hdf5.Hdf5Group} and write it with {@link
 * io.keras4j.io.h5.hdf5.Hdf5Writer}. The files use superblock version 2 and version 2 object
 * headers with compact link and attribute storage (HDF5 1.8 and later read them), strings live in
 * global heap collections as h5py stores them, and every reader tried (the HDF5 C library through
 * h5py, and jHDF) sees the same groups, datasets, types and attributes as in a file h5py wrote.
 */
@NullMarked
package io.keras4j.io.h5.hdf5;

import org.jspecify.annotations.NullMarked;

package io.keras4j.io.h5.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes an {@link Hdf5Group} tree as an HDF5 file that h5py, the HDF5 C library (1.8 and later)
 * and jHDF read as h5py's own.
 *
 * <p>It writes what Keras' files hold and nothing more: groups, contiguous datasets of the {@link
 * Hdf5Type}s, and attributes of variable-length UTF-8 strings, string arrays and numbers. It has no
 * chunking, compression, links other than the tree's hard links, or string datasets. The layout of
 * the file is computed first and every part is written once at its place.
 *
 * <pre>{@code
 * Hdf5Group root = new Hdf5Group();
 * root.group("layers").group("dense").group("vars").dataset("0", new float[][] {{1f, 2f}});
 * root.attribute("keras_version", "3.11.3");
 * Hdf5Writer.write(file, root);
 * }</pre>
 */
public final class Hdf5Writer {

  private Hdf5Writer() {}

  /**
   * Writes {@code root} and everything under it to {@code file}, replacing any file there.
   *
   * <p>Everything that can be refused (an attribute too large for HDF5, say) is refused before the
   * file is opened. A failure while writing leaves a partial file: write to a temporary file and
   * move it into place where that matters.
   *
   * @throws IllegalArgumentException if the tree cannot be stored, before touching the file
   * @throws IllegalStateException if an array changed shape after it was given
   */
  public static void write(Path file, Hdf5Group root) throws IOException {
    FileLayout layout = new FileLayout(root);
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      layout.writeTo(channel);
      if (channel.size() != layout.endOfFile()) {
        throw new IllegalStateException(
            "Wrote "
                + channel.size()
                + " bytes to "
                + file
                + " but the superblock says "
                + layout.endOfFile());
      }
    }
  }

  /** Writes all of {@code buffer} at {@code position}; returns the number of bytes written. */
  static int writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    int n = buffer.remaining();
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
    return n;
  }
}

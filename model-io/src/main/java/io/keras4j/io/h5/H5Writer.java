package io.keras4j.io.h5;

import io.jhdf.Superblock;
import io.jhdf.WritableGroupImpl;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.storage.HdfFileChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes an HDF5 file with jHDF's object writers, without {@link WritableHdfFile#close()}'s flush.
 *
 * <p>jHDF 0.10 to 0.13 end a file by appending an identification string at the file channel's
 * position, which is where the last dataset's data ended rather than the end of the file: every
 * group header laid out after the last dataset (an empty {@code vars} group, for instance) is
 * overwritten, and neither jHDF nor h5py can read the file back. This writer lays the tree out
 * the same way and then writes only the superblock, as that flush does, and adds no {@code _jHDF}
 * attribute to the root group.
 *
 * <pre>{@code
 * H5Writer.write(file, root -> root.putGroup("vars").putDataset("0", new float[] {1f}));
 * }</pre>
 */
public final class H5Writer {

  /** Builds the file's tree on its root group. */
  @FunctionalInterface
  public interface Content {
    void writeTo(WritableGroup root);
  }

  private H5Writer() {}

  public static void write(Path file, Content content) {
    WritableGroupImpl root = new WritableGroupImpl(null, "/");
    content.writeTo(root);
    Superblock.SuperblockV2V3 superblock = new Superblock.SuperblockV2V3();
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      HdfFileChannel hdf = new HdfFileChannel(channel, superblock);
      root.write(hdf, WritableHdfFile.ROOT_GROUP_ADDRESS);
      hdf.write(superblock.toBuffer(channel.size()), 0L);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}

package io.keras4j.io.keras;

import io.keras4j.io.ModelFileException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.jspecify.annotations.Nullable;

/**
 * Maps the bytes of a stored (uncompressed) zip entry in place, as Keras writes the weights of a
 * {@code .keras} archive, so they are read without extracting them.
 *
 * <p>{@link java.util.zip.ZipFile} validates the archive and reports the entry's sizes and CRC-32,
 * but not where its data starts. That offset comes from the entry's local header (PKWARE APPNOTE
 * 4.3.7), found through the end-of-central-directory record and the central directory, and is
 * checked against the file's size and against what {@code ZipFile} reported. The mapped bytes are
 * checked against the entry's CRC-32.
 *
 * <p>An archive laid out otherwise (zip64, split, with bytes before its first entry, with the name
 * listed twice, an entry over 2 GB or not stored) gives {@code null}, and the caller extracts the
 * entry instead. Offsets that point outside the file, or a local header that disagrees with the
 * central directory, are refused: such an archive is damaged or crafted.
 */
final class StoredEntry {

  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int LOCAL_HEADER = 30;
  private static final int CENTRAL_HEADER = 46;
  private static final int END_HEADER = 22;
  private static final int MAX_COMMENT = 0xFFFF;

  /** A larger central directory than this is left to extraction (10,000 entries use ~1 MB). */
  private static final int MAX_DIRECTORY = 16 << 20;

  private StoredEntry() {}

  /**
   * The bytes of {@code entry} of the zip {@code file}, mapped read-only and checked against the
   * entry's CRC-32, or {@code null} when the entry should be extracted instead.
   *
   * @throws ModelFileException if the entry's offsets lie outside the file or its bytes fail the
   *     CRC-32 check
   */
  static @Nullable ByteBuffer map(Path file, ZipEntry entry) throws IOException {
    long size = entry.getSize();
    if (entry.getMethod() != ZipEntry.STORED
        || size < 0
        || size != entry.getCompressedSize()
        || size > Integer.MAX_VALUE
        || entry.getCrc() < 0) {
      return null;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long data = dataOffset(channel, file, entry);
      if (data < 0) return null;
      ByteBuffer bytes;
      try {
        bytes = channel.map(FileChannel.MapMode.READ_ONLY, data, size);
      } catch (IOException | UnsupportedOperationException e) {
        return null; // a file system that cannot map: extract instead
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.duplicate());
      if (crc.getValue() != entry.getCrc()) {
        throw new ModelFileException(
            file,
            String.format(
                "%s fails its CRC-32 check: the archive records %08x but its bytes give %08x;"
                    + " the file is damaged",
                entry.getName(), entry.getCrc(), crc.getValue()));
      }
      return bytes;
    }
  }

  /** Where the entry's data starts, or -1 if the archive is not laid out as this class reads. */
  private static long dataOffset(FileChannel channel, Path file, ZipEntry entry)
      throws IOException {
    long length = channel.size();
    long end = findEnd(channel, length);
    if (end < 0) return -1;
    ByteBuffer record = read(channel, end, END_HEADER);
    int disk = u16(record, 4);
    int directoryDisk = u16(record, 6);
    int entriesHere = u16(record, 8);
    int entries = u16(record, 10);
    long directorySize = u32(record, 12);
    long directory = u32(record, 16);
    if (disk != 0 || directoryDisk != 0 || entriesHere != entries || entries == 0xFFFF) {
      return -1; // split or zip64
    }
    if (directory + directorySize != end || directorySize > MAX_DIRECTORY) {
      // Bytes before the first entry shift every offset, and zip64 records sit between the
      // directory and its end record: ZipFile reads those archives, extraction handles them.
      return -1;
    }
    long local = localHeader(read(channel, directory, (int) directorySize), entries, entry);
    if (local < 0) return -1;
    String name = entry.getName();
    long size = entry.getSize();
    if (local > directory - LOCAL_HEADER) {
      throw new ModelFileException(
          file,
          "the local header of "
              + name
              + " is said to be at offset "
              + local
              + ", outside the entries, which end at offset "
              + directory
              + " of "
              + length
              + " bytes; the file is damaged");
    }
    ByteBuffer header = read(channel, local, LOCAL_HEADER);
    if (header.getInt(0) != LOCAL_SIGNATURE) {
      throw new ModelFileException(
          file,
          "has no local header for " + name + " at offset " + local + "; the file is damaged");
    }
    int nameLength = u16(header, 26);
    long data = local + LOCAL_HEADER + nameLength + u16(header, 28);
    if (u16(header, 8) != ZipEntry.STORED
        || data > directory
        || !read(channel, local + LOCAL_HEADER, nameLength).equals(utf8(name))) {
      throw new ModelFileException(
          file,
          "the local header of "
              + name
              + " at offset "
              + local
              + " disagrees with the central directory; the file is damaged");
    }
    if (size > directory - data) {
      throw new ModelFileException(
          file,
          "the "
              + size
              + " bytes of "
              + name
              + " from offset "
              + data
              + " run past the entries, which end at offset "
              + directory
              + " of "
              + length
              + " bytes; the file is damaged");
    }
    return data;
  }

  /**
   * The end-of-central-directory record's offset: the last signature whose comment ends the file,
   * as {@code ZipFile} finds it; -1 if there is none.
   */
  private static long findEnd(FileChannel channel, long length) throws IOException {
    if (length < END_HEADER) return -1;
    int tailLength = (int) Math.min(length, END_HEADER + MAX_COMMENT);
    long tailStart = length - tailLength;
    ByteBuffer tail = read(channel, tailStart, tailLength);
    for (int i = tailLength - END_HEADER; i >= 0; i--) {
      if (tail.getInt(i) == END_SIGNATURE && i + END_HEADER + u16(tail, i + 20) == tailLength) {
        return tailStart + i;
      }
    }
    return -1;
  }

  /**
   * The local header offset the central directory gives for {@code entry}, or -1 unless exactly one
   * record names it and agrees with what {@code ZipFile} reported.
   */
  private static long localHeader(ByteBuffer directory, int entries, ZipEntry entry) {
    ByteBuffer name = utf8(entry.getName());
    long local = -1;
    int found = 0;
    int p = 0;
    for (int i = 0; i < entries; i++) {
      if (directory.limit() - p < CENTRAL_HEADER || directory.getInt(p) != CENTRAL_SIGNATURE) {
        return -1;
      }
      int nameLength = u16(directory, p + 28);
      int next = p + CENTRAL_HEADER + nameLength + u16(directory, p + 30) + u16(directory, p + 32);
      if (next > directory.limit()) return -1;
      if (directory.slice(p + CENTRAL_HEADER, nameLength).equals(name)) {
        boolean agrees =
            (u16(directory, p + 8) & 1) == 0 // not encrypted
                && u16(directory, p + 10) == ZipEntry.STORED
                && u32(directory, p + 16) == entry.getCrc()
                && u32(directory, p + 20) == entry.getCompressedSize()
                && u32(directory, p + 24) == entry.getSize();
        if (!agrees) return -1; // zip64 sizes, or a record ZipFile did not report
        local = u32(directory, p + 42);
        found++;
      }
      p = next;
    }
    return found == 1 && local != 0xFFFFFFFFL ? local : -1;
  }

  private static ByteBuffer read(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("zip file shorter than its central directory says");
      }
    }
    return buffer.flip();
  }

  private static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static int u16(ByteBuffer b, int index) {
    return Short.toUnsignedInt(b.getShort(index));
  }

  private static long u32(ByteBuffer b, int index) {
    return Integer.toUnsignedLong(b.getInt(index));
  }
}

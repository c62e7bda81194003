package io.keras4j.io.keras;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Rewrites and patches zip archives, to make the damaged and unusual ones the tests read. */
final class ZipBytes {

  private ZipBytes() {}

  /** A copy of {@code source} at {@code target} with every entry stored with {@code method}. */
  static Path rewrite(Path source, Path target, int method) throws IOException {
    try (ZipFile in = new ZipFile(source.toFile());
        OutputStream file = Files.newOutputStream(target);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        byte[] data;
        try (InputStream s = in.getInputStream(entry)) {
          data = s.readAllBytes();
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setMethod(method);
        if (method == ZipEntry.STORED) {
          CRC32 crc = new CRC32();
          crc.update(data);
          copy.setCrc(crc.getValue());
          copy.setSize(data.length);
          copy.setCompressedSize(data.length);
        }
        out.putNextEntry(copy);
        out.write(data);
        out.closeEntry();
      }
    }
    return target;
  }

  /** The offset of {@code name}'s local header: the first place its name occurs. */
  static int localHeader(byte[] zip, String name) {
    return indexOf(zip, name, false) - 30;
  }

  /** The offset of {@code name}'s central directory record: the last place its name occurs. */
  static int centralRecord(byte[] zip, String name) {
    return indexOf(zip, name, true) - 46;
  }

  /** The offset of the first byte of {@code name}'s data, read from its local header. */
  static int dataStart(byte[] zip, String name) {
    int local = localHeader(zip, name);
    return local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
  }

  static int u16(byte[] zip, int offset) {
    return Short.toUnsignedInt(le(zip).getShort(offset));
  }

  static void putU16(byte[] zip, int offset, int value) {
    le(zip).putShort(offset, (short) value);
  }

  static void putU32(byte[] zip, int offset, long value) {
    le(zip).putInt(offset, (int) value);
  }

  static long u32(byte[] zip, int offset) {
    return Integer.toUnsignedLong(le(zip).getInt(offset));
  }

  private static ByteBuffer le(byte[] zip) {
    return ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int indexOf(byte[] zip, String name, boolean last) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    int found = -1;
    outer:
    for (int i = 0; i + n.length <= zip.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (zip[i + j] != n[j]) continue outer;
      }
      if (!last) return i;
      found = i;
    }
    if (found < 0) throw new IllegalArgumentException(name + " is not in the archive");
    return found;
  }
}

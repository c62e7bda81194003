package io.keras4j.io.h5.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.checksum.JenkinsLookup3HashLittle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Lookup3}, the checksum of superblocks and object headers. */
class Hdf5ChecksumTest {

  /** The self-test values of lookup3.c's {@code driver5}. */
  @Test
  void matchesTheReferenceImplementationsTestValues() {
    ByteBuffer empty = ByteBuffer.allocate(0);
    ByteBuffer fourScore =
        ByteBuffer.wrap("Four score and seven years ago".getBytes(StandardCharsets.US_ASCII));

    assertEquals(0xdeadbeef, Lookup3.hash(empty));
    assertEquals(0xbd5b7dde, Lookup3.hash(empty, 0xdeadbeef));
    assertEquals(0x17770551, Lookup3.hash(fourScore));
    assertEquals(0xcd628161, Lookup3.hash(fourScore, 1));
  }

  /** The first 48 bytes of a file h5py 3.7.0 wrote with {@code libver='latest'}. */
  @Test
  void matchesTheChecksumOfASuperblockTheHdf5LibraryWrote() {
    byte[] superblock =
        HexFormat.of()
            .parseHex(
                "894844460d0a1a0a030808000000000000000000ffffffffffffffff1a18000000000000"
                    + "3000000000000000ce831579");
    ByteBuffer b = ByteBuffer.wrap(superblock).order(ByteOrder.LITTLE_ENDIAN);

    assertEquals(b.getInt(44), Lookup3.hash(b.slice(0, 44)));
  }

  @Test
  void agreesWithJhdfOnEveryLengthAndOffset() {
    Random random = new Random(42);
    for (int length = 0; length <= 100; length++) {
      byte[] bytes = new byte[length + 3];
      random.nextBytes(bytes);
      ByteBuffer buffer = ByteBuffer.wrap(bytes).position(3);
      byte[] data = new byte[length];
      System.arraycopy(bytes, 3, data, 0, length);

      assertEquals(JenkinsLookup3HashLittle.hash(data), Lookup3.hash(buffer), "length " + length);
      assertEquals(3, buffer.position());
    }
  }
}

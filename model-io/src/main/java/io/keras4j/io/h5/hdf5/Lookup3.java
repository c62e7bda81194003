package io.keras4j.io.h5.hdf5;

import java.nio.ByteBuffer;

/**
 * Bob Jenkins' lookup3 {@code hashlittle}, the checksum of HDF5's superblock version 2 and version
 * 2 object headers ({@code H5_checksum_lookup3} with an initial value of 0).
 *
 * <p>This is the byte-by-byte variant of lookup3.c, which gives the same result as its word-wise
 * variants on any platform.
 */
final class Lookup3 {

  private Lookup3() {}

  /** The hash of the bytes from {@code buffer}'s position to its limit, with initial value 0. */
  static int hash(ByteBuffer buffer) {
    return hash(buffer, 0);
  }

  /** The hash of the bytes from {@code buffer}'s position to its limit; the buffer is unchanged. */
  static int hash(ByteBuffer buffer, int initialValue) {
    int length = buffer.remaining();
    int k = buffer.position();
    int a = 0xdeadbeef + length + initialValue;
    int b = a;
    int c = a;
    while (length > 12) {
      a += word(buffer, k, 4);
      b += word(buffer, k + 4, 4);
      c += word(buffer, k + 8, 4);
      // mix(a, b, c)
      a -= c;
      a ^= Integer.rotateLeft(c, 4);
      c += b;
      b -= a;
      b ^= Integer.rotateLeft(a, 6);
      a += c;
      c -= b;
      c ^= Integer.rotateLeft(b, 8);
      b += a;
      a -= c;
      a ^= Integer.rotateLeft(c, 16);
      c += b;
      b -= a;
      b ^= Integer.rotateLeft(a, 19);
      a += c;
      c -= b;
      c ^= Integer.rotateLeft(b, 4);
      b += a;
      length -= 12;
      k += 12;
    }
    if (length == 0) {
      return c;
    }
    // The last 1 to 12 bytes, as lookup3.c's fall-through switch adds them.
    a += word(buffer, k, Math.min(length, 4));
    if (length > 4) {
      b += word(buffer, k + 4, Math.min(length - 4, 4));
    }
    if (length > 8) {
      c += word(buffer, k + 8, length - 8);
    }
    // final(a, b, c)
    c ^= b;
    c -= Integer.rotateLeft(b, 14);
    a ^= c;
    a -= Integer.rotateLeft(c, 11);
    b ^= a;
    b -= Integer.rotateLeft(a, 25);
    c ^= b;
    c -= Integer.rotateLeft(b, 16);
    a ^= c;
    a -= Integer.rotateLeft(c, 4);
    b ^= a;
    b -= Integer.rotateLeft(a, 14);
    c ^= b;
    c -= Integer.rotateLeft(b, 24);
    return c;
  }

  /** The little-endian value of {@code count} (1 to 4) bytes at {@code index}. */
  private static int word(ByteBuffer buffer, int index, int count) {
    int w = 0;
    for (int i = 0; i < count; i++) {
      w |= (buffer.get(index + i) & 0xff) << (8 * i);
    }
    return w;
  }
}

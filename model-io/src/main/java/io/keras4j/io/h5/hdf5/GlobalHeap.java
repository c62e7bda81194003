package io.keras4j.io.h5.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The global heap collections ({@code GCOL}, HDF5 spec III.E) that hold the bytes of
 * variable-length strings.
 *
 * <p>Objects are packed in order into collections of {@value #MIN_COLLECTION_SIZE} bytes, the HDF5
 * library's minimum size and the size it gives a new collection; an object too large for that gets
 * a collection of its own, just large enough. Each collection ends with a free-space object (index
 * 0) of at least 16 bytes, as the library's collections do.
 */
final class GlobalHeap {

  /** The bytes of a heap ID in a variable-length element: length, collection address, index. */
  static final int ID_SIZE = 4 + 8 + 4;

  static final int MIN_COLLECTION_SIZE = 4096;

  private static final int COLLECTION_HEADER_SIZE = 16;
  private static final int OBJECT_HEADER_SIZE = 16;

  /** A collection and the objects put in it; its address is set by {@link #place}. */
  private static final class Collection {
    final List<byte[]> objects = new ArrayList<>();
    long used = COLLECTION_HEADER_SIZE;
    long address = Messages.UNDEFINED_ADDRESS;

    /** The collection's size, with room for the free-space object. */
    long size() {
      return Math.max(MIN_COLLECTION_SIZE, used + OBJECT_HEADER_SIZE);
    }
  }

  /** Where an object is: resolved to an address once the collections are placed. */
  static final class Id {
    private final Collection collection;
    private final int index;
    private final int length;

    private Id(Collection collection, int index, int length) {
      this.collection = collection;
      this.index = index;
      this.length = length;
    }

    /** Puts the on-disk variable-length element: the byte count and the heap ID. */
    void putTo(ByteBuffer b) {
      b.putInt(length).putLong(collection.address).putInt(index);
    }
  }

  private final List<Collection> collections = new ArrayList<>();

  /**
   * Adds an object. The HDF5 library stores even an empty string as an object, and so does this.
   */
  Id add(byte[] object) {
    long need = OBJECT_HEADER_SIZE + align8(object.length);
    Collection c = collections.isEmpty() ? null : collections.get(collections.size() - 1);
    // A collection of MIN_COLLECTION_SIZE bytes holds at most 254 objects, well under the 65535
    // that a 16-bit index allows; a larger collection holds a single object.
    if (c == null
        || (!c.objects.isEmpty() && c.used + need + OBJECT_HEADER_SIZE > MIN_COLLECTION_SIZE)) {
      c = new Collection();
      collections.add(c);
    }
    c.objects.add(object);
    c.used += need;
    return new Id(c, c.objects.size(), object.length);
  }

  /** Places the collections one after another from {@code address}; returns the end. */
  long place(long address) {
    for (Collection c : collections) {
      c.address = address;
      address += c.size();
    }
    return address;
  }

  void writeTo(FileChannel channel) throws IOException {
    for (Collection c : collections) {
      Hdf5Writer.writeFully(channel, encode(c), c.address);
    }
  }

  private static ByteBuffer encode(Collection c) {
    long size = c.size();
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'G', 'C', 'O', 'L', 1, 0, 0, 0}).putLong(size);
    int index = 1;
    for (byte[] object : c.objects) {
      b.putShort((short) index++).putShort((short) 0).putInt(0).putLong(object.length);
      b.put(object);
      b.position(Math.toIntExact(align8(b.position())));
    }
    // The free space, whose size (unlike an object's) counts its own header.
    b.putShort((short) 0).putShort((short) 0).putInt(0).putLong(size - c.used);
    return b.clear();
  }

  static long align8(long n) {
    return (n + 7) & ~7L;
  }
}

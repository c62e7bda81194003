package io.keras4j.io.h5.hdf5;

import io.keras4j.io.h5.hdf5.ObjectHeader.Message;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The object header messages this writer uses, each encoded as the HDF5 library encodes it in a
 * file h5py writes (HDF5 spec IV.A.2), with the library's message flags.
 */
final class Messages {

  static final long UNDEFINED_ADDRESS = -1L;

  /** A variable-length string of UTF-8 characters, NUL-terminated in memory, over bytes. */
  private static final byte[] VLEN_UTF8_STRING;

  static {
    byte[] base = Hdf5Type.fixedPoint(1, false); // the library's base type: native unsigned char
    ByteBuffer b = ByteBuffer.allocate(8 + base.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x19); // class 9 (variable-length), version 1
    b.put((byte) 0x01); // type 1: string; padding 0: null-terminated
    b.put((byte) 0x01); // character set 1: UTF-8
    b.put((byte) 0);
    b.putInt(GlobalHeap.ID_SIZE); // on disk, each element is a sequence length and a heap ID
    b.put(base);
    VLEN_UTF8_STRING = b.array();
  }

  private Messages() {}

  /** Version 0, no creation order, compact storage: both heap and B-tree addresses undefined. */
  static Message linkInfo() {
    return new Message(
        ObjectHeader.LINK_INFO,
        0,
        18,
        b -> b.put((byte) 0).put((byte) 0).putLong(UNDEFINED_ADDRESS).putLong(UNDEFINED_ADDRESS));
  }

  /**
   * Version 0, no creation order, compact storage. The library counts a version 2 header's
   * attributes only through this message: without it, h5py's {@code len(obj.attrs)} is 0.
   */
  static Message attributeInfo() {
    return new Message(
        ObjectHeader.ATTRIBUTE_INFO,
        ObjectHeader.DO_NOT_SHARE,
        18,
        b -> b.put((byte) 0).put((byte) 0).putLong(UNDEFINED_ADDRESS).putLong(UNDEFINED_ADDRESS));
  }

  /** Version 0 with the default phase change values and estimates. */
  static Message groupInfo() {
    return new Message(
        ObjectHeader.GROUP_INFO, ObjectHeader.CONSTANT, 2, b -> b.put((byte) 0).put((byte) 0));
  }

  /**
   * A hard link, version 1. As the library does, the character set is stored (as UTF-8) only for a
   * name that is not ASCII, and the name's length field is as narrow as the length allows.
   */
  static Message link(byte[] name, LongSupplier address) {
    // A longer name could not fit in a header message anyway.
    int lengthWidth = name.length <= 0xFF ? 1 : 2;
    boolean ascii = Utf8.isAscii(name);
    int size = 2 + (ascii ? 0 : 1) + lengthWidth + name.length + 8;
    return new Message(
        ObjectHeader.LINK,
        0,
        size,
        b -> {
          b.put((byte) 1); // version
          int flags = Integer.numberOfTrailingZeros(lengthWidth) | (ascii ? 0 : 0x10);
          b.put((byte) flags);
          if (!ascii) {
            b.put((byte) 1); // UTF-8
          }
          if (lengthWidth == 1) {
            b.put((byte) name.length);
          } else {
            b.putShort((short) name.length);
          }
          b.put(name);
          b.putLong(address.getAsLong());
        });
  }

  /**
   * Version 2: a scalar for rank 0, else simple with maximum dimensions equal to the dimensions.
   */
  static Message dataspace(long[] shape) {
    return new Message(
        ObjectHeader.DATASPACE, 0, dataspaceSize(shape), b -> putDataspace(b, shape));
  }

  static Message datatype(Hdf5Type type) {
    byte[] body = type.datatypeMessage();
    return new Message(ObjectHeader.DATATYPE, ObjectHeader.CONSTANT, body.length, b -> b.put(body));
  }

  /**
   * Version 3 with h5py's defaults for a contiguous dataset: space allocated late, the fill value
   * written only if the user set one, and none set.
   */
  static Message fillValue() {
    return new Message(
        ObjectHeader.FILL_VALUE, ObjectHeader.CONSTANT, 2, b -> b.put((byte) 3).put((byte) 0x0A));
  }

  /**
   * Version 3, contiguous. A dataset without elements has no storage: an undefined address and size
   * 0, as h5py writes it.
   */
  static Message contiguousLayout(long byteSize, LongSupplier address) {
    return new Message(
        ObjectHeader.LAYOUT,
        0,
        18,
        b -> {
          b.put((byte) 3).put((byte) 1);
          b.putLong(byteSize == 0 ? UNDEFINED_ADDRESS : address.getAsLong());
          b.putLong(byteSize);
        });
  }

  /**
   * Version 3, whose name may be UTF-8 (flagged, as for links, only when it is not ASCII). Numbers
   * are stored in the message; strings as heap IDs, one for each of {@code value}'s strings.
   *
   * @param owner the path of the group or dataset, for the error message
   * @throws IllegalArgumentException if the attribute does not fit in a header message
   */
  static Message attribute(
      String owner, String name, AttributeValue value, List<GlobalHeap.Id> ids) {
    byte[] nameBytes = Utf8.encode(name, "the attribute name '" + name + "'");
    byte[] datatype;
    long[] shape;
    long dataSize;
    if (value instanceof AttributeValue.Strings s) {
      datatype = VLEN_UTF8_STRING;
      shape = s.scalar() ? new long[0] : new long[] {s.utf8().size()};
      dataSize = (long) GlobalHeap.ID_SIZE * s.utf8().size();
    } else {
      Hdf5Array array = ((AttributeValue.Numbers) value).array();
      datatype = array.type().datatypeMessage();
      shape = array.shape();
      dataSize = array.byteSize();
    }
    int dataspaceSize = dataspaceSize(shape);
    long size =
        2 + 2 + 2 + 2 + 1 + nameBytes.length + 1 + datatype.length + dataspaceSize + dataSize;
    if (size > ObjectHeader.MAX_MESSAGE_SIZE) {
      throw new IllegalArgumentException(
          "The attribute '"
              + name
              + "' of "
              + owner
              + " needs "
              + size
              + " bytes, and HDF5 keeps an attribute in one object header message of at most "
              + ObjectHeader.MAX_MESSAGE_SIZE
              + " bytes; split it into several attributes, as Keras does for long lists"
              + " ('layer_names0', 'layer_names1', ...)");
    }
    return new Message(
        ObjectHeader.ATTRIBUTE,
        0,
        (int) size,
        b -> {
          b.put((byte) 3).put((byte) 0); // version 3, datatype and dataspace not shared
          b.putShort((short) (nameBytes.length + 1));
          b.putShort((short) datatype.length);
          b.putShort((short) dataspaceSize);
          b.put((byte) (Utf8.isAscii(nameBytes) ? 0 : 1));
          b.put(nameBytes).put((byte) 0);
          b.put(datatype);
          putDataspace(b, shape);
          if (value instanceof AttributeValue.Numbers n) {
            n.array().copyTo(b);
          } else {
            ids.forEach(id -> id.putTo(b));
          }
        });
  }

  private static int dataspaceSize(long[] shape) {
    return 4 + 16 * shape.length;
  }

  private static void putDataspace(ByteBuffer b, long[] shape) {
    b.put((byte) 2); // version
    b.put((byte) shape.length);
    b.put((byte) (shape.length == 0 ? 0 : 1)); // flags: maximum dimensions present
    b.put((byte) (shape.length == 0 ? 0 : 1)); // type: scalar or simple
    for (long d : shape) {
      b.putLong(d);
    }
    for (long d : shape) {
      b.putLong(d);
    }
  }
}

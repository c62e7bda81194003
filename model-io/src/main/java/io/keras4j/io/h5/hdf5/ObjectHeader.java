package io.keras4j.io.h5.hdf5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Consumer;

/**
 * A version 2 object header ({@code OHDR}, HDF5 spec IV.A.1.b) in a single chunk, without times,
 * attribute phase change values or creation order.
 *
 * <p>The width of the chunk-size field follows the chunk's size (1, 2 or 4 bytes), so a group holds
 * any number of links, each in its own message.
 */
final class ObjectHeader {

  static final int DATASPACE = 0x01;
  static final int LINK_INFO = 0x02;
  static final int DATATYPE = 0x03;
  static final int FILL_VALUE = 0x05;
  static final int LINK = 0x06;
  static final int LAYOUT = 0x08;
  static final int GROUP_INFO = 0x0A;
  static final int ATTRIBUTE = 0x0C;
  static final int ATTRIBUTE_INFO = 0x15;

  /** Message flag: the message never changes (the library sets it on datatypes, for instance). */
  static final int CONSTANT = 0x01;

  /** Message flag: the message must not be shared (the library sets it on attribute info). */
  static final int DO_NOT_SHARE = 0x04;

  /** The largest message body: its size field has 2 bytes. */
  static final int MAX_MESSAGE_SIZE = 0xFFFF;

  private static final byte[] SIGNATURE = {'O', 'H', 'D', 'R'};
  private static final int MESSAGE_HEADER_SIZE = 4;

  /**
   * One header message: its type, flags, body size, and the code that writes exactly {@code size}
   * bytes of body, called when every address in the file is known.
   */
  record Message(int type, int flags, int size, Consumer<ByteBuffer> body) {
    Message {
      if (size < 0 || size > MAX_MESSAGE_SIZE) {
        throw new IllegalArgumentException(
            "Expected a header message of at most "
                + MAX_MESSAGE_SIZE
                + " bytes, received "
                + size);
      }
    }
  }

  private final List<Message> messages;
  private final long chunkSize;
  private final int sizeFieldWidth;

  ObjectHeader(List<Message> messages) {
    this.messages = List.copyOf(messages);
    long chunk = 0;
    for (Message m : messages) {
      chunk += MESSAGE_HEADER_SIZE + m.size();
    }
    if (chunk > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("An object header of " + chunk + " bytes is too large");
    }
    this.chunkSize = chunk;
    this.sizeFieldWidth = chunk <= 0xFF ? 1 : chunk <= 0xFFFF ? 2 : 4;
  }

  /** The size of the whole header: prefix, messages and checksum. */
  long size() {
    return 4 + 1 + 1 + sizeFieldWidth + chunkSize + 4;
  }

  ByteBuffer encode() {
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(size())).order(ByteOrder.LITTLE_ENDIAN);
    b.put(SIGNATURE);
    b.put((byte) 2); // version
    // Flags: only the width of the chunk-size field (bits 0-1), as log2 of its byte count.
    b.put((byte) Integer.numberOfTrailingZeros(sizeFieldWidth));
    switch (sizeFieldWidth) {
      case 1 -> b.put((byte) chunkSize);
      case 2 -> b.putShort((short) chunkSize);
      default -> b.putInt((int) chunkSize);
    }
    for (Message m : messages) {
      b.put((byte) m.type());
      b.putShort((short) m.size());
      b.put((byte) m.flags());
      int start = b.position();
      m.body().accept(b);
      if (b.position() - start != m.size()) {
        throw new IllegalStateException(
            "Header message of type "
                + m.type()
                + " wrote "
                + (b.position() - start)
                + " bytes instead of "
                + m.size());
      }
    }
    b.putInt(Lookup3.hash(b.duplicate().flip()));
    return b.flip();
  }
}

package io.keras4j.io.h5.hdf5;

import io.keras4j.io.h5.hdf5.ObjectHeader.Message;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where each part of a file goes: the superblock, then every object header in depth-first pre-order
 * (the root group first), then the global heap collections, then the datasets' elements, each
 * aligned to 8 bytes.
 *
 * <p>Every header's size is known before any address is, since addresses have a fixed width, so the
 * layout is computed first and each part is then written once at its place.
 */
final class FileLayout {

  private static final int SUPERBLOCK_SIZE = 48;
  private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};

  /** A group or dataset: its header, and its address once placed. */
  private static final class Placed {
    ObjectHeader header;
    long address = Messages.UNDEFINED_ADDRESS;
  }

  /** A dataset's elements, and their address once placed. */
  private static final class Block {
    final Hdf5Array array;
    long address = Messages.UNDEFINED_ADDRESS;

    Block(Hdf5Array array) {
      this.array = array;
    }
  }

  private final List<Placed> objects = new ArrayList<>();
  private final List<Block> blocks = new ArrayList<>();
  private final GlobalHeap heap = new GlobalHeap();
  private final long rootAddress;
  private final long endOfFile;

  FileLayout(Hdf5Group root) {
    Placed rootObject = addGroup(root, "/");
    long address = SUPERBLOCK_SIZE;
    for (Placed p : objects) {
      p.address = address;
      address += p.header.size();
    }
    address = heap.place(address);
    for (Block b : blocks) {
      if (b.array.byteSize() > 0) {
        b.address = GlobalHeap.align8(address);
        address = b.address + b.array.byteSize();
      }
    }
    this.rootAddress = rootObject.address;
    this.endOfFile = address;
  }

  /** The file's size: the superblock's end-of-file address. */
  long endOfFile() {
    return endOfFile;
  }

  void writeTo(FileChannel channel) throws IOException {
    Hdf5Writer.writeFully(channel, superblock(), 0);
    for (Placed p : objects) {
      Hdf5Writer.writeFully(channel, p.header.encode(), p.address);
    }
    heap.writeTo(channel);
    for (Block b : blocks) {
      if (b.array.byteSize() > 0) {
        b.array.writeTo(channel, b.address);
      }
    }
  }

  private Placed addGroup(Hdf5Group group, String path) {
    Placed self = new Placed();
    objects.add(self);
    List<Message> messages = new ArrayList<>();
    messages.add(Messages.linkInfo());
    messages.add(Messages.groupInfo());
    for (Named<Object> child : sorted(group.children())) {
      String childPath = (path.equals("/") ? "/" : path + "/") + child.name();
      Placed placed =
          child.value() instanceof Hdf5Group g
              ? addGroup(g, childPath)
              : addDataset((Hdf5Dataset) child.value(), childPath);
      messages.add(Messages.link(child.utf8(), () -> placed.address));
    }
    addAttributes(messages, group.attributes(), path);
    self.header = new ObjectHeader(messages);
    return self;
  }

  private Placed addDataset(Hdf5Dataset dataset, String path) {
    Placed self = new Placed();
    objects.add(self);
    Hdf5Array array = dataset.data();
    Block block = new Block(array);
    blocks.add(block);
    List<Message> messages = new ArrayList<>();
    messages.add(Messages.dataspace(array.shape()));
    messages.add(Messages.datatype(array.type()));
    messages.add(Messages.fillValue());
    messages.add(Messages.contiguousLayout(array.byteSize(), () -> block.address));
    addAttributes(messages, dataset.attributes(), path);
    self.header = new ObjectHeader(messages);
    return self;
  }

  private void addAttributes(List<Message> messages, Attributes attributes, String path) {
    if (!attributes.values().isEmpty()) {
      messages.add(Messages.attributeInfo());
    }
    for (Named<AttributeValue> a : sorted(attributes.values())) {
      List<GlobalHeap.Id> ids = new ArrayList<>();
      if (a.value() instanceof AttributeValue.Strings s) {
        for (byte[] string : s.utf8()) {
          ids.add(heap.add(string));
        }
      }
      messages.add(Messages.attribute(path, a.name(), a.value(), ids));
    }
  }

  /** A name with its UTF-8 bytes, by which names sort as h5py lists them. */
  private record Named<T>(String name, byte[] utf8, T value) {}

  private static <T> List<Named<T>> sorted(Map<String, T> entries) {
    List<Named<T>> named = new ArrayList<>(entries.size());
    for (Map.Entry<String, T> e : entries.entrySet()) {
      named.add(
          new Named<>(
              e.getKey(), Utf8.encode(e.getKey(), "the name '" + e.getKey() + "'"), e.getValue()));
    }
    named.sort((x, y) -> Arrays.compareUnsigned(x.utf8(), y.utf8()));
    return named;
  }

  /** Version 2 (HDF5 spec II.A), with 8-byte addresses and lengths and no extension. */
  private ByteBuffer superblock() {
    ByteBuffer b = ByteBuffer.allocate(SUPERBLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    b.put(SIGNATURE);
    b.put((byte) 2); // version
    b.put((byte) 8).put((byte) 8); // size of offsets and of lengths
    b.put((byte) 0); // file consistency flags
    b.putLong(0); // base address
    b.putLong(Messages.UNDEFINED_ADDRESS); // superblock extension address
    b.putLong(endOfFile);
    b.putLong(rootAddress);
    b.putInt(Lookup3.hash(b.duplicate().flip()));
    return b.flip();
  }
}

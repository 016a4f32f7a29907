package io.tributary.core.bus;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.produce.RecordHeader;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte layout shared by the bus messages that carry a read's worth of records between nodes (megabytes, where
 * the generic JSON form would write every key and value as base64 text): a version byte that refuses a peer of
 * another {@link BusWireCodec#WIRE_VERSION}, then length-prefixed fields, a length of -1 standing for null. The
 * records are measured first and written into one array (appended field by field to the bus's {@link Buffer}, every
 * access would be bounds- and reference-count-checked and the buffer would grow by copying itself), and read back
 * through a {@link ByteBuffer} over the received bytes, in place.
 */
final class ConsumedRecordsWire {
  static final int NULL = -1;

  private ConsumedRecordsWire() {}

  static void appendVersion(Buffer buffer) {
    buffer.appendByte(BusWireCodec.WIRE_VERSION);
  }

  /** {@code [count]} then per record its topic (-1: as the record before), partition, offset, key, value, etc. */
  static void appendRecords(Buffer buffer, List<ConsumedRecord> records) {
    ByteBuffer out = ByteBuffer.allocate(sizeOf(records));
    out.putInt(records.size());
    String lastTopic = null;
    for (ConsumedRecord record : records) {
      // A read's records are mostly of one topic: a repeat is written as "same as before".
      if (record.topic().equals(lastTopic)) {
        out.putInt(NULL);
      } else {
        putBytes(out, utf8(record.topic()));
        lastTopic = record.topic();
      }
      out.putInt(record.partition()).putLong(record.offset());
      putBytes(out, record.key());
      putBytes(out, record.value());
      out.putLong(record.timestamp()).putInt(record.headers().size());
      for (RecordHeader header : record.headers()) {
        putBytes(out, utf8(header.name()));
        putBytes(out, header.value());
      }
    }
    buffer.appendBytes(out.array());
  }

  private static int sizeOf(List<ConsumedRecord> records) {
    int size = Integer.BYTES;
    String lastTopic = null;
    for (ConsumedRecord record : records) {
      size += Integer.BYTES;
      if (!record.topic().equals(lastTopic)) {
        size += utf8(record.topic()).length;
        lastTopic = record.topic();
      }
      size += Integer.BYTES + Long.BYTES + sizeOf(record.key()) + sizeOf(record.value()) + Long.BYTES
          + Integer.BYTES;
      for (RecordHeader header : record.headers()) {
        size += sizeOf(utf8(header.name())) + sizeOf(header.value());
      }
    }
    return size;
  }

  private static int sizeOf(byte[] bytes) {
    return Integer.BYTES + (bytes == null ? 0 : bytes.length);
  }

  private static void putBytes(ByteBuffer out, byte[] bytes) {
    if (bytes == null) {
      out.putInt(NULL);
    } else {
      out.putInt(bytes.length).put(bytes);
    }
  }

  static void appendString(Buffer buffer, String text) {
    if (text == null) {
      buffer.appendInt(NULL);
    } else {
      byte[] bytes = utf8(text);
      buffer.appendInt(bytes.length).appendBytes(bytes);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads the fields in order from a received message, from a position in the bus's buffer on. */
  static final class Reader {
    private final ByteBuffer in;

    /** Reads from {@code pos} to the end of {@code buffer}, and checks the version byte there. */
    Reader(Buffer buffer, int pos, Class<?> type) {
      this.in = view(buffer, pos);
      byte version = readByte();
      if (version != BusWireCodec.WIRE_VERSION) {
        throw new IllegalStateException("A peer sent " + type.getSimpleName() + " in bus wire version " + version
            + "; this node speaks version " + BusWireCodec.WIRE_VERSION);
      }
    }

    /**
     * The received bytes from {@code pos} on, without copying them when the bus's buffer is an array (as Vert.x's
     * are): a read's message is over a megabyte, and every field read from it is copied out anyway.
     */
    private static ByteBuffer view(Buffer buffer, int pos) {
      if (buffer instanceof BufferInternal internal) {
        ByteBuf bytes = internal.getByteBuf();
        if (bytes.hasArray()) {
          return ByteBuffer.wrap(bytes.array(), bytes.arrayOffset() + bytes.readerIndex() + pos,
              buffer.length() - pos).slice();
        }
      }
      return ByteBuffer.wrap(buffer.getBytes(pos, buffer.length()));
    }

    byte readByte() {
      return in.get();
    }

    int readInt() {
      return in.getInt();
    }

    long readLong() {
      return in.getLong();
    }

    byte[] readBytes() {
      int length = readInt();
      if (length == NULL) {
        return null;
      }
      byte[] bytes = new byte[length];
      in.get(bytes);
      return bytes;
    }

    String readString() {
      byte[] bytes = readBytes();
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    Buffer readBuffer() {
      return Buffer.buffer(readBytes());
    }

    List<ConsumedRecord> readRecords() {
      int count = readInt();
      List<ConsumedRecord> records = new ArrayList<>(count);
      String topic = null;
      for (int i = 0; i < count; i++) {
        String named = readString();
        topic = named == null ? topic : named;
        int partition = readInt();
        long offset = in.getLong();
        byte[] key = readBytes();
        byte[] value = readBytes();
        long timestamp = in.getLong();
        int headerCount = readInt();
        List<RecordHeader> headers = List.of();
        if (headerCount > 0) {
          headers = new ArrayList<>(headerCount);
          for (int h = 0; h < headerCount; h++) {
            headers.add(new RecordHeader(readString(), readBytes()));
          }
        }
        records.add(new ConsumedRecord(topic, partition, offset, key, value, timestamp, headers));
      }
      return records;
    }
  }
}

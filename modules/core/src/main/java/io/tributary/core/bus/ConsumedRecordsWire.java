package io.tributary.core.bus;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.produce.RecordHeader;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte layout shared by the bus messages that carry a read's worth of records between nodes (megabytes, where
 * the generic JSON form would write every key and value as base64 text): a version byte that refuses a peer of
 * another {@link BusWireCodec#WIRE_VERSION}, then length-prefixed fields, a length of -1 standing for null.
 */
final class ConsumedRecordsWire {
  static final int NULL = -1;

  private ConsumedRecordsWire() {}

  static void appendVersion(Buffer buffer) {
    buffer.appendByte(BusWireCodec.WIRE_VERSION);
  }

  /** {@code [count]} then per record its topic (-1: as the record before), partition, offset, key, value, etc. */
  static void appendRecords(Buffer buffer, List<ConsumedRecord> records) {
    buffer.appendInt(records.size());
    String lastTopic = null;
    for (ConsumedRecord record : records) {
      // A read's records are mostly of one topic: a repeat is written as "same as before".
      if (record.topic().equals(lastTopic)) {
        buffer.appendInt(NULL);
      } else {
        appendString(buffer, record.topic());
        lastTopic = record.topic();
      }
      buffer.appendInt(record.partition()).appendLong(record.offset());
      appendBytes(buffer, record.key());
      appendBytes(buffer, record.value());
      buffer.appendLong(record.timestamp()).appendInt(record.headers().size());
      for (RecordHeader header : record.headers()) {
        appendString(buffer, header.name());
        appendBytes(buffer, header.value());
      }
    }
  }

  static void appendBytes(Buffer buffer, byte[] bytes) {
    if (bytes == null) {
      buffer.appendInt(NULL);
    } else {
      buffer.appendInt(bytes.length).appendBytes(bytes);
    }
  }

  static void appendString(Buffer buffer, String text) {
    appendBytes(buffer, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads the fields in order from a position in a received buffer. */
  static final class Reader {
    private final Buffer buffer;
    private int pos;

    /** Starts at {@code pos} and checks the version byte there. */
    Reader(Buffer buffer, int pos, Class<?> type) {
      this.buffer = buffer;
      this.pos = pos;
      byte version = readByte();
      if (version != BusWireCodec.WIRE_VERSION) {
        throw new IllegalStateException("A peer sent " + type.getSimpleName() + " in bus wire version " + version
            + "; this node speaks version " + BusWireCodec.WIRE_VERSION);
      }
    }

    byte readByte() {
      return buffer.getByte(pos++);
    }

    int readInt() {
      int value = buffer.getInt(pos);
      pos += Integer.BYTES;
      return value;
    }

    long readLong() {
      long value = buffer.getLong(pos);
      pos += Long.BYTES;
      return value;
    }

    byte[] readBytes() {
      int length = readInt();
      if (length == NULL) {
        return null;
      }
      byte[] bytes = buffer.getBytes(pos, pos + length);
      pos += length;
      return bytes;
    }

    String readString() {
      byte[] bytes = readBytes();
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A copy: the received buffer is the bus's, not the message's. */
    Buffer readBuffer() {
      int length = readInt();
      Buffer chunk = buffer.getBuffer(pos, pos + length);
      pos += length;
      return chunk;
    }

    List<ConsumedRecord> readRecords() {
      int count = readInt();
      List<ConsumedRecord> records = new ArrayList<>(count);
      String topic = null;
      for (int i = 0; i < count; i++) {
        String named = readString();
        topic = named == null ? topic : named;
        int partition = readInt();
        long offset = readLong();
        byte[] key = readBytes();
        byte[] value = readBytes();
        long timestamp = readLong();
        int headerCount = readInt();
        List<RecordHeader> headers = headerCount == 0 ? List.of() : new ArrayList<>(headerCount);
        for (int h = 0; h < headerCount; h++) {
          headers.add(new RecordHeader(readString(), readBytes()));
        }
        records.add(new ConsumedRecord(topic, partition, offset, key, value, timestamp, headers));
      }
      return records;
    }
  }
}

package io.tributary.core.bus;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.produce.RecordHeader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of {@link RenderedRead}, the one bus reply that carries a read's worth of records (megabytes) when a
 * read is forwarded to the node that holds its consumer instance (cluster mode). The generic JSON form would write
 * every key, value and body chunk as base64 text and parse it back; this one writes them as length-prefixed bytes:
 * {@code [version byte][failure][records][body chunks]}. Same version rule as {@link BusWireCodec}: a peer of
 * another {@link BusWireCodec#WIRE_VERSION} is refused, never misread. Inside one JVM a read passes by reference.
 */
final class RenderedReadWireCodec implements MessageCodec<RenderedRead, RenderedRead> {
  private static final int NULL = -1;

  @Override
  public void encodeToWire(Buffer buffer, RenderedRead read) {
    buffer.appendByte(BusWireCodec.WIRE_VERSION);
    TributaryException failure = read.failure();
    if (failure == null) {
      buffer.appendByte((byte) 0);
    } else {
      buffer.appendByte((byte) 1).appendInt(failure.code());
      appendString(buffer, failure.getMessage());
    }
    List<ConsumedRecord> records = read.records();
    buffer.appendInt(records.size());
    String lastTopic = null;
    for (ConsumedRecord record : records) {
      // A read's records are mostly of one topic: a repeat is written as "same as before" (NULL).
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
    List<Buffer> body = read.body();
    buffer.appendInt(body.size());
    for (Buffer chunk : body) {
      buffer.appendInt(chunk.length()).appendBuffer(chunk);
    }
  }

  @Override
  public RenderedRead decodeFromWire(int pos, Buffer buffer) {
    Reader in = new Reader(buffer, pos);
    byte version = in.readByte();
    if (version != BusWireCodec.WIRE_VERSION) {
      throw new IllegalStateException("A peer sent RenderedRead in bus wire version " + version
          + "; this node speaks version " + BusWireCodec.WIRE_VERSION);
    }
    TributaryException failure = null;
    if (in.readByte() != 0) {
      int code = in.readInt();
      failure = new TributaryException(ErrorCode.byCode(code), code, in.readString());
    }
    int count = in.readInt();
    List<ConsumedRecord> records = new ArrayList<>(count);
    String topic = null;
    for (int i = 0; i < count; i++) {
      String named = in.readString();
      topic = named == null ? topic : named;
      int partition = in.readInt();
      long offset = in.readLong();
      byte[] key = in.readBytes();
      byte[] value = in.readBytes();
      long timestamp = in.readLong();
      int headerCount = in.readInt();
      List<RecordHeader> headers = headerCount == 0 ? List.of() : new ArrayList<>(headerCount);
      for (int h = 0; h < headerCount; h++) {
        headers.add(new RecordHeader(in.readString(), in.readBytes()));
      }
      records.add(new ConsumedRecord(topic, partition, offset, key, value, timestamp, headers));
    }
    int chunks = in.readInt();
    List<Buffer> body = new ArrayList<>(chunks);
    for (int i = 0; i < chunks; i++) {
      body.add(in.readBuffer());
    }
    return new RenderedRead(records, body, failure);
  }

  @Override
  public RenderedRead transform(RenderedRead read) {
    return read;
  }

  @Override
  public String name() {
    return "tributary.bus/" + RenderedRead.class.getName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }

  private static void appendBytes(Buffer buffer, byte[] bytes) {
    if (bytes == null) {
      buffer.appendInt(NULL);
    } else {
      buffer.appendInt(bytes.length).appendBytes(bytes);
    }
  }

  private static void appendString(Buffer buffer, String text) {
    appendBytes(buffer, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads the fields in order from a position in the received buffer. */
  private static final class Reader {
    private final Buffer buffer;
    private int pos;

    Reader(Buffer buffer, int pos) {
      this.buffer = buffer;
      this.pos = pos;
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

    /** A copy: the received buffer is the bus's, not the reply's. */
    Buffer readBuffer() {
      int length = readInt();
      Buffer chunk = buffer.getBuffer(pos, pos + length);
      pos += length;
      return chunk;
    }
  }
}
